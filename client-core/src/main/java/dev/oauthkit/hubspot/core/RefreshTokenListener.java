package dev.oauthkit.hubspot.core;

/**
 * Told when the server returns a refresh token different from the one held, so the application can
 * persist it. Called on the refreshing thread; keep it short.
 */
@FunctionalInterface
public interface RefreshTokenListener {

  /**
   * Receives the new refresh token.
   *
   * @param credentials the credentials now in use, holding the new refresh token
   */
  void onRefreshTokenRotated(OAuthCredentials credentials);

  /** Returns a listener that does nothing. */
  static RefreshTokenListener none() {
    return credentials -> {};
  }
}
