package dev.oauthkit.hubspot.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The stack-neutral result of a token request: the access token, its lifetime, and the refresh
 * token when the server sent one. {@link #toString()} shows fingerprints only.
 */
public final class TokenSet {

  private final String accessToken;
  private final Duration expiresIn;
  private final String refreshToken;

  private TokenSet(String accessToken, Duration expiresIn, String refreshToken) {
    this.accessToken = OAuthCredentials.requireText(accessToken, "accessToken");
    this.expiresIn = Objects.requireNonNull(expiresIn, "expiresIn");
    if (expiresIn.isNegative()) {
      throw new IllegalArgumentException("expiresIn must not be negative: " + expiresIn);
    }
    this.refreshToken = refreshToken;
  }

  /**
   * Creates a token set.
   *
   * @param accessToken the access token
   * @param expiresIn how long the access token is valid from now
   * @param refreshToken the refresh token the server returned, or {@code null}
   * @return the token set
   */
  public static TokenSet of(String accessToken, Duration expiresIn, String refreshToken) {
    return new TokenSet(accessToken, expiresIn, refreshToken);
  }

  /** Returns the access token. Never log it. */
  public String accessToken() {
    return accessToken;
  }

  /** Returns the access token's lifetime, counted from when the response arrived. */
  public Duration expiresIn() {
    return expiresIn;
  }

  /** Returns the refresh token the server returned, if any. Never log it. */
  public Optional<String> refreshToken() {
    return Optional.ofNullable(refreshToken).filter(token -> !token.isBlank());
  }

  @Override
  public String toString() {
    return "TokenSet{accessToken="
        + Secrets.fingerprint(accessToken)
        + ", expiresIn="
        + expiresIn
        + ", refreshToken="
        + Secrets.fingerprint(refreshToken)
        + "}";
  }
}
