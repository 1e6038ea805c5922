package dev.oauthkit.hubspot.sandbox.junit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A token pair the sandbox issued for an authorization code, as its newest token endpoint ({@code
 * POST /oauth/<version>/token}) answered it: the tokens, their lifetime, the hub and the scopes
 * granted. {@link #toString()} shows neither token.
 */
public final class SandboxTokens {

  private final String accessToken;
  private final String refreshToken;
  private final Duration expiresIn;
  private final long hubId;
  private final List<String> scopes;

  private SandboxTokens(
      String accessToken,
      String refreshToken,
      Duration expiresIn,
      long hubId,
      List<String> scopes) {
    this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
    this.refreshToken = Objects.requireNonNull(refreshToken, "refreshToken");
    this.expiresIn = Objects.requireNonNull(expiresIn, "expiresIn");
    this.hubId = hubId;
    this.scopes = List.copyOf(Objects.requireNonNull(scopes, "scopes"));
  }

  /** From the token endpoint's JSON answer. */
  static SandboxTokens from(Map<String, Object> answer) {
    Objects.requireNonNull(answer, "answer");
    List<String> scopes =
        answer.get("scopes") instanceof List<?> list
            ? list.stream().map(String::valueOf).toList()
            : List.of();
    return new SandboxTokens(
        (String) answer.get("access_token"),
        (String) answer.get("refresh_token"),
        Duration.ofSeconds(number(answer, "expires_in")),
        number(answer, "hub_id"),
        scopes);
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

  /** The HubSpot account (hub) the tokens are for ({@code hub_id}; 62515 in the sandbox). */
  public long hubId() {
    return hubId;
  }

  /** The scopes granted ({@code scopes}). */
  public List<String> scopes() {
    return scopes;
  }

  @Override
  public String toString() {
    return "SandboxTokens[expiresIn=" + expiresIn + ", hubId=" + hubId + ", scopes=" + scopes + "]";
  }

  private static long number(Map<String, Object> answer, String field) {
    if (!(answer.get(field) instanceof Number n)) {
      throw new IllegalStateException("the token answer has no number " + field);
    }
    return n.longValue();
  }
}
