/**
 * Issuing authorization codes: the browser consent page ({@code /oauth/authorize}) with its demo
 * accounts and users, and the one code issuer it shares with the admin API.
 */
package dev.oauthkit.hubspot.sandbox.authorize;
