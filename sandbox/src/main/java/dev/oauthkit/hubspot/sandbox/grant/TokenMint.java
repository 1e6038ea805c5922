package dev.oauthkit.hubspot.sandbox.grant;

import dev.oauthkit.hubspot.sandbox.secret.AccessTokenSeal;
import dev.oauthkit.hubspot.sandbox.secret.Secrets;
import dev.oauthkit.hubspot.sandbox.store.AccessTokenRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/** Mints tokens: random values, their hashes, and access token expiry from the injected clock. */
public final class TokenMint {

  private final Clock clock;
  private final Duration accessTokenTtl;
  private final AccessTokenSeal seal;

  private TokenMint(Clock clock, Duration accessTokenTtl, AccessTokenSeal seal) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.accessTokenTtl = Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
    this.seal = seal;
    if (accessTokenTtl.toSeconds() < 1) {
      throw new IllegalArgumentException(
          "accessTokenTtl must be at least 1 s, got " + accessTokenTtl);
    }
  }

  /** A mint whose access tokens live for {@code accessTokenTtl}. */
  public static TokenMint of(Clock clock, Duration accessTokenTtl) {
    return new TokenMint(clock, accessTokenTtl, null);
  }

  /**
   * This mint, sealing the access tokens of refresh grants ({@link #sealedAccessToken}): for a
   * store only this sandbox writes, whose key outlives a restart.
   */
  public TokenMint sealing(AccessTokenSeal seal) {
    return new TokenMint(clock, accessTokenTtl, Objects.requireNonNull(seal, "seal"));
  }

  /** The seal of refresh grants' access tokens, if this mint seals them. */
  public Optional<AccessTokenSeal> seal() {
    return Optional.ofNullable(seal);
  }

  public Instant now() {
    return clock.instant();
  }

  public long accessTokenSeconds() {
    return accessTokenTtl.toSeconds();
  }

  /** A new refresh token value. */
  public Minted refreshToken() {
    String value = Secrets.uuidShaped();
    return new Minted(value, Secrets.sha256Hex(value));
  }

  /**
   * The successor of a refresh token that rotation replaces, derived from its value and {@code
   * seed} ({@link Secrets#successor}): the same arguments always give the same successor.
   */
  public Minted successor(String refreshToken, String seed) {
    String value = Secrets.successor(refreshToken, seed);
    return new Minted(value, Secrets.sha256Hex(value));
  }

  /** A new access token tied to a refresh token, expiring {@code ttl} after {@code now}. */
  public MintedAccess accessToken(String refreshHash, Instant now) {
    String value = Secrets.accessToken();
    AccessTokenRow row =
        new AccessTokenRow(Secrets.sha256Hex(value), refreshHash, now.plus(accessTokenTtl));
    return new MintedAccess(value, row);
  }

  /**
   * A sealed access token for a refresh token, expiring {@code ttl} after {@code now}: there is
   * nothing to store, so no row and no hash are made.
   *
   * @throws IllegalStateException if this mint does not seal
   */
  public String sealedAccessToken(String refreshHash, Instant now) {
    if (seal == null) {
      throw new IllegalStateException("this mint does not seal access tokens");
    }
    return seal.seal(refreshHash, now.plus(accessTokenTtl).truncatedTo(ChronoUnit.MILLIS));
  }

  /**
   * A minted value and its hash. {@link #toString()} shows only the fingerprint.
   *
   * @param value the token
   * @param hash its SHA-256 hex
   */
  public record Minted(String value, String hash) {
    @Override
    public String toString() {
      return "Minted[fp=" + hash.substring(0, 8) + "]";
    }
  }

  /**
   * A minted access token and the row to store.
   *
   * @param value the token
   * @param row what the store keeps
   */
  public record MintedAccess(String value, AccessTokenRow row) {
    @Override
    public String toString() {
      return "MintedAccess[" + row + "]";
    }
  }
}
