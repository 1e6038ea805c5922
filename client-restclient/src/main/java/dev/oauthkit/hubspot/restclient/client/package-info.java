/**
 * The hand-written Spring RestClient facade over the generated {@code
 * dev.oauthkit.hubspot.restclient.api} classes: {@link
 * dev.oauthkit.hubspot.restclient.client.HubSpotOAuthRestClient} for the OAuth operations with
 * automatic token refresh, and {@link
 * dev.oauthkit.hubspot.restclient.client.BearerTokenInterceptor} for RestClients of other HubSpot
 * APIs, which sends the token to allowed hosts only.
 */
package dev.oauthkit.hubspot.restclient.client;
