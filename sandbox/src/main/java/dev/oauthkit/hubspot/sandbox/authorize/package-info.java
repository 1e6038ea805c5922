/**
 * Issuing authorization codes: the browser consent page ({@code /oauth/authorize}) and the one
 * issuer it shares with the admin API.
 */
package dev.oauthkit.hubspot.sandbox.authorize;
