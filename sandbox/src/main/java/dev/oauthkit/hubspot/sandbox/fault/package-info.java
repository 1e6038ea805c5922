/** Server errors injected on demand, for retry and outage tests. */
package dev.oauthkit.hubspot.sandbox.fault;
