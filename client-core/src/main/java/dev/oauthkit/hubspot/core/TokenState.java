package dev.oauthkit.hubspot.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a {@link TokenStore} holds: a version, the access token with when it was issued and when it
 * expires, the latest refresh token, and the lease of the instance refreshing now. Immutable; a
 * store persists each field and rebuilds the state with {@link #of}. {@link #toString()} shows
 * fingerprints only.
 */
public final class TokenState {

  private static final TokenState EMPTY = new TokenState(0, null, null, null, null, null, null);

  /** A longer lifetime (a server's mistake, up to Long.MAX_VALUE s) counts as this long. */
  static final Duration LONGEST_LIFETIME = Duration.ofDays(366);

  private final long version;
  private final String accessToken;
  private final Instant issuedAt;
  private final Instant expiresAt;
  private final String refreshToken;
  private final String leaseOwner;
  private final Instant leaseUntil;

  private TokenState(
      long version,
      String accessToken,
      Instant issuedAt,
      Instant expiresAt,
      String refreshToken,
      String leaseOwner,
      Instant leaseUntil) {
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative: " + version);
    }
    if ((accessToken == null) != (issuedAt == null) || (issuedAt == null) != (expiresAt == null)) {
      throw new IllegalArgumentException(
          "accessToken, issuedAt and expiresAt must be all set or all null");
    }
    if ((leaseOwner == null) != (leaseUntil == null)) {
      throw new IllegalArgumentException("leaseOwner and leaseUntil must be both set or both null");
    }
    this.version = version;
    this.accessToken = accessToken;
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
    this.refreshToken = refreshToken;
    this.leaseOwner = leaseOwner;
    this.leaseUntil = leaseUntil;
  }

  /** Returns the state of a store that holds nothing yet: version 0, no token, no lease. */
  public static TokenState empty() {
    return EMPTY;
  }

  /**
   * Rebuilds a stored state, every field as {@link TokenStore#read()} loaded it.
   *
   * @param version the version, 0 for an empty store
   * @param accessToken the access token, or {@code null} (then also {@code issuedAt}, {@code
   *     expiresAt})
   * @param issuedAt when the access token arrived, or {@code null}
   * @param expiresAt when it expires, or {@code null}
   * @param refreshToken the latest refresh token, or {@code null}
   * @param leaseOwner the instance refreshing now, or {@code null} (then also {@code leaseUntil})
   * @param leaseUntil when that lease ends, or {@code null}
   * @return the state
   */
  public static TokenState of(
      long version,
      String accessToken,
      Instant issuedAt,
      Instant expiresAt,
      String refreshToken,
      String leaseOwner,
      Instant leaseUntil) {
    return new TokenState(
        version, accessToken, issuedAt, expiresAt, refreshToken, leaseOwner, leaseUntil);
  }

  /** Returns the version; each write adds one. */
  public long version() {
    return version;
  }

  /** Returns the access token, if one was stored. Never log it. */
  public Optional<String> accessToken() {
    return Optional.ofNullable(accessToken);
  }

  /** Returns when the access token arrived, if one was stored. */
  public Optional<Instant> issuedAt() {
    return Optional.ofNullable(issuedAt);
  }

  /** Returns when the access token expires, if one was stored. */
  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  /** Returns the latest refresh token, if one was stored. Never log it. */
  public Optional<String> refreshToken() {
    return Optional.ofNullable(refreshToken);
  }

  /** Returns the instance that holds the refresh lease, if any. */
  public Optional<String> leaseOwner() {
    return Optional.ofNullable(leaseOwner);
  }

  /** Returns when the refresh lease ends, if one is held. */
  public Optional<Instant> leaseUntil() {
    return Optional.ofNullable(leaseUntil);
  }

  /**
   * Whether another instance than {@code owner} holds a lease that has not ended at {@code now}.
   */
  boolean leasedByOtherAt(String owner, Instant now) {
    return leaseOwner != null && !leaseOwner.equals(owner) && now.isBefore(leaseUntil);
  }

  /** Whether the access token is set and has not expired at {@code now}. */
  boolean validAt(Instant now) {
    return accessToken != null && now.isBefore(expiresAt);
  }

  /**
   * When to refresh: {@code margin} before expiry, but no earlier than half the token's lifetime.
   */
  Instant refreshAt(Duration margin) {
    Duration half = Duration.between(issuedAt, expiresAt).dividedBy(2);
    return expiresAt.minus(margin.compareTo(half) > 0 ? half : margin);
  }

  TokenState withLease(String owner, Instant until) {
    return new TokenState(
        version + 1, accessToken, issuedAt, expiresAt, refreshToken, owner, until);
  }

  TokenState withoutLease() {
    return new TokenState(version + 1, accessToken, issuedAt, expiresAt, refreshToken, null, null);
  }

  /** The tokens just received at {@code now}, without a lease; a missing refresh token is kept. */
  TokenState withTokens(TokenSet tokens, Instant now) {
    Duration lifetime = tokens.expiresIn();
    return new TokenState(
        version + 1,
        tokens.accessToken(),
        now,
        now.plus(lifetime.compareTo(LONGEST_LIFETIME) > 0 ? LONGEST_LIFETIME : lifetime),
        tokens.refreshToken().orElse(refreshToken),
        null,
        null);
  }

  @Override
  public String toString() {
    return "TokenState{version="
        + version
        + ", accessToken="
        + Secrets.fingerprint(accessToken)
        + (expiresAt == null ? "" : " until " + expiresAt)
        + ", refreshToken="
        + Secrets.fingerprint(refreshToken)
        + (leaseOwner == null ? "" : ", lease=" + leaseOwner + " until " + leaseUntil)
        + "}";
  }
}
