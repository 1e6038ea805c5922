package dev.oauthkit.hubspot.core;

/**
 * Hands out a valid HubSpot access token: what the bearer interceptors and an application call.
 * {@link RefreshingAccessTokenProvider} is the implementation the clients use; the factories here
 * create one. Implementations are thread-safe.
 */
public interface AccessTokenProvider {

  /**
   * Returns a valid access token, refreshing first when none is held or it is about to expire.
   *
   * @return the access token
   * @throws HubSpotOAuthException when the refresh was answered with an error
   * @throws java.io.UncheckedIOException when every attempt failed with an IO error
   * @throws IllegalStateException when there is no refresh token
   */
  String accessToken();

  /**
   * Refreshes because a server rejected {@code rejectedToken} with 401; if it was already replaced,
   * returns the replacement without a new refresh.
   *
   * @param rejectedToken the access token that was rejected
   * @return a different, newly refreshed access token
   */
  String refreshAfterUnauthorized(String rejectedToken);

  /**
   * Drops the held access token and refreshes now.
   *
   * @return the new access token
   */
  String forceRefresh();

  /** Drops the held access token; the next {@link #accessToken()} refreshes. */
  void invalidate();

  /**
   * Creates a refresh-token provider. No request is made until a token is first asked for.
   *
   * @param credentials client credentials, normally with a refresh token
   * @param endpoint the stack's refresh call
   * @param options clock, sleeper, margin, retry policy, listener and token store
   * @return the provider
   */
  static RefreshingAccessTokenProvider create(
      OAuthCredentials credentials, TokenEndpoint endpoint, TokenProviderOptions options) {
    return RefreshingAccessTokenProvider.refreshToken(credentials, endpoint, options);
  }

  /**
   * Creates a provider for the client-credentials grant: no refresh token is needed or kept; the
   * endpoint asks for a new access token before the held one expires (the same refresh margin),
   * with one request in flight and the same retries. Its token is kept in memory, never in the
   * options' token store. No request is made until a token is first asked for.
   *
   * @param credentials client ID and secret
   * @param endpoint the stack's client-credentials call, with its scopes
   * @param options clock, sleeper, margin and retry policy (the listener is never called)
   * @return the provider
   */
  static RefreshingAccessTokenProvider clientCredentials(
      OAuthCredentials credentials, TokenEndpoint endpoint, TokenProviderOptions options) {
    return RefreshingAccessTokenProvider.clientCredentials(credentials, endpoint, options);
  }
}
