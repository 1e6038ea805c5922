/**
 * The hand-written Feign facade over the generated {@code dev.oauthkit.hubspot.feign.api}
 * interfaces: {@link dev.oauthkit.hubspot.feign.client.HubSpotOAuthFeignClient} for the seven OAuth
 * operations with automatic token refresh, and {@link
 * dev.oauthkit.hubspot.feign.client.BearerTokenInterceptor} plus {@link
 * dev.oauthkit.hubspot.feign.client.UnauthorizedRetry} for Feign clients of other HubSpot APIs.
 */
package dev.oauthkit.hubspot.feign.client;
