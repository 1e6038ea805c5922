/**
 * The hand-written Retrofit facade over the generated {@code dev.oauthkit.hubspot.retrofit.api}
 * interfaces: {@link dev.oauthkit.hubspot.retrofit.client.HubSpotOAuthRetrofitClient} for the seven
 * OAuth operations with automatic token refresh, and {@link
 * dev.oauthkit.hubspot.retrofit.client.BearerTokenInterceptor} for calls to other HubSpot APIs.
 */
package dev.oauthkit.hubspot.retrofit.client;
