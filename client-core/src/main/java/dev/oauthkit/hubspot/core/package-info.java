/**
 * Stack-neutral HubSpot OAuth client logic, shared by every HTTP stack (Retrofit, Feign).
 *
 * <p>{@link dev.oauthkit.hubspot.core.OAuthCredentials} and {@link
 * dev.oauthkit.hubspot.core.AuthorizationUrl} cover the app's configuration and the browser step;
 * {@link dev.oauthkit.hubspot.core.AccessTokenProvider} keeps an access token fresh through a
 * {@link dev.oauthkit.hubspot.core.TokenEndpoint}; {@link
 * dev.oauthkit.hubspot.core.HubSpotOAuthException} reports every non-2xx answer. {@link
 * dev.oauthkit.hubspot.core.HubSpotOAuthClientBuilder} holds the builder options every stack's
 * client shares, and {@link dev.oauthkit.hubspot.core.stack} the operations a stack's facade is
 * built on. Nothing here depends on an HTTP library, and no secret ever appears in a {@code
 * toString()}, an exception message or a log line.
 */
package dev.oauthkit.hubspot.core;
