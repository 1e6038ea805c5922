package dev.oauthkit.hubspot.sandbox.token;

import dev.oauthkit.hubspot.sandbox.secret.Secrets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens the admin API expired before their time ({@code POST /sandbox/v1/tokens/expire}).
 * Kept in memory by their SHA-256, each only until its own expiry (after which the store refuses it
 * anyway), so the set stays small and no store change is needed; it works the same on every store.
 * The metadata call ({@link AccessTokensEndpoint}), the only place that accepts an access token,
 * consults it. Free while empty. Thread-safe.
 */
public final class EarlyExpiry {

  private final Clock clock;
  private final Map<String, Instant> expired = new ConcurrentHashMap<>();

  private EarlyExpiry(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** An empty set, forgetting each token when {@code clock} passes the token's own expiry. */
  public static EarlyExpiry of(Clock clock) {
    return new EarlyExpiry(clock);
  }

  /**
   * Expires a token now.
   *
   * @param token the access token
   * @param naturalExpiry when it would have expired
   */
  public void expire(String token, Instant naturalExpiry) {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(naturalExpiry, "naturalExpiry");
    Instant now = clock.instant();
    expired.values().removeIf(until -> !now.isBefore(until));
    expired.put(Secrets.sha256Hex(token), naturalExpiry);
  }

  /** Whether the token was expired early. */
  public boolean isExpired(String token) {
    return !expired.isEmpty() && expired.containsKey(Secrets.sha256Hex(token));
  }
}
