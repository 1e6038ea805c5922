/** Checks a running server against the spec: flows, bad input and property-based requests. */
package dev.oauthkit.hubspot.contract.server;
