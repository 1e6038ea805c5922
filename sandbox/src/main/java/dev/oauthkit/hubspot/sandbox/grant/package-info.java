/**
 * The token endpoint's grants, one {@link dev.oauthkit.hubspot.sandbox.grant.GrantHandler} each:
 * {@code authorization_code} and {@code refresh_token}.
 */
package dev.oauthkit.hubspot.sandbox.grant;
