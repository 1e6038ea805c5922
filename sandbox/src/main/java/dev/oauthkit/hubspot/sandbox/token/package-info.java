/**
 * The HubSpot OAuth API itself: the token endpoint, both metadata endpoints and revocation,
 * implementing the generated server interfaces.
 */
package dev.oauthkit.hubspot.sandbox.token;
