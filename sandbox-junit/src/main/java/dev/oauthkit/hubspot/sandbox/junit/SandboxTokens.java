package dev.oauthkit.hubspot.sandbox.junit;

import java.time.Duration;
import java.util.Objects;

/**
 * A token pair the sandbox issued for an authorization code, as {@code POST /oauth/v1/token}
 * answered it. {@link #toString()} shows neither token.
 */
public final class SandboxTokens {

  private final String accessToken;
  private final String refreshToken;
  private final Duration expiresIn;

  SandboxTokens(String accessToken, String refreshToken, Duration expiresIn) {
    this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
    this.refreshToken = Objects.requireNonNull(refreshToken, "refreshToken");
    this.expiresIn = Objects.requireNonNull(expiresIn, "expiresIn");
  }

  /** The access token. */
  public String accessToken() {
    return accessToken;
  }

  /** The refresh token. */
  public String refreshToken() {
    return refreshToken;
  }

  /** The access token's lifetime as answered ({@code expires_in}). */
  public Duration expiresIn() {
    return expiresIn;
  }

  @Override
  public String toString() {
    return "SandboxTokens[expiresIn=" + expiresIn + "]";
  }
}
