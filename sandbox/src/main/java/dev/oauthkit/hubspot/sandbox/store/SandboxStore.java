package dev.oauthkit.hubspot.sandbox.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persistence for the sandbox: a handful of operations, each one SQL statement or one short
 * transaction, implemented in memory, on SQLite and on PostgreSQL. Every method returns only once
 * its change is durable. Codes and tokens are passed and looked up by their SHA-256 hex. The
 * compound operations ({@link #redeemCode}, {@link #rotateRefreshToken}) are atomic even when
 * several sandboxes share one database: of two concurrent calls for the same code or token, exactly
 * one succeeds.
 */
public interface SandboxStore extends AutoCloseable {

  /**
   * How long a code is kept after it expired: for that long a late exchange still answers {@code
   * EXPIRED_AUTH_CODE} and a used code presented again still revokes its tokens.
   */
  Duration EXPIRED_CODES_KEPT = Duration.ofHours(1);

  /** The most rows one purge statement deletes, so a purge never holds the database for long. */
  int PURGE_BATCH = 500;

  /** Every app, for the in-memory app cache. */
  List<App> loadApps();

  /** One app by client id, also one another sandbox sharing the database created. */
  Optional<App> findApp(String clientId);

  void insertApp(App app);

  void insertCode(AuthCodeRow code);

  Optional<AuthCodeRow> findCode(String codeHash);

  /**
   * Stores a grant that no code started (client_credentials) with its access token, atomically. The
   * grant is a refresh token row whose value is never handed out, revoked at the access token's
   * expiry ({@code revokedAt}), so the purge removes both then.
   */
  void insertGrant(RefreshTokenRow grant, AccessTokenRow access);

  /**
   * Marks an unused code used and stores its first token pair, atomically.
   *
   * @return {@code false}, storing nothing, if the code was already used
   */
  boolean redeemCode(String codeHash, Instant now, RefreshTokenRow refresh, AccessTokenRow access);

  /**
   * Revokes a code's whole family: every refresh token issued from it, rotated-out ones included,
   * and so every access token issued from them. Returns how many refresh tokens it revoked.
   */
  int revokeCodeFamily(String codeHash, Instant now);

  Optional<RefreshTokenRow> findRefreshToken(String tokenHash);

  /** Whether any refresh token (so any grant) is stored: a start on existing data. */
  boolean hasRefreshTokens();

  Optional<AccessTokenRow.WithRefresh> findAccessToken(String tokenHash);

  /**
   * Stores an access token issued from the refresh token it names, if that refresh token is active
   * (neither rotated nor revoked) and belongs to {@code clientId}: one conditional insert, no read.
   *
   * @return {@code false}, storing nothing, otherwise
   */
  boolean issueAccessToken(String clientId, AccessTokenRow access);

  /**
   * Replaces an active refresh token with a new one and stores the new pair, atomically. The old
   * row keeps {@code successorSeed} ({@link RefreshTokenRow#successorSeed}).
   *
   * @return {@code false}, storing nothing, if the old token was no longer active
   */
  boolean rotateRefreshToken(
      String oldHash,
      Instant now,
      String successorSeed,
      RefreshTokenRow next,
      AccessTokenRow access);

  /**
   * Revokes a refresh token with its whole family ({@link #revokeCodeFamily}), if it is known and
   * not yet revoked. For an active token this is RFC 7009's "revoke the grant"; for a rotated-out
   * one it is RFC 9700's reuse detection (section 4.14.2).
   *
   * @return the token as it was before, or empty if unknown
   */
  Optional<RefreshTokenRow> revokeRefreshToken(String tokenHash, Instant now);

  /**
   * Deletes what can no longer answer anything, in statements of at most {@value #PURGE_BATCH}
   * rows: access tokens expired by {@code now}, codes expired {@link #EXPIRED_CODES_KEPT} before
   * it, and revoked refresh tokens (a revoked token's family is revoked, and an access token whose
   * refresh token is gone is unknown, which answers as revoked does). Rotated-out refresh tokens of
   * a live family stay: presenting one must still revoke the family.
   *
   * @return how many rows it deleted
   */
  int purge(Instant now);

  /** A short name for logs: {@code memory}, {@code sqlite} or {@code postgres}. */
  String kind();

  @Override
  void close();

  /**
   * Whether the store can write now (readiness). A store that found itself unable to write (a full
   * disk, a database server that is down) answers false until a write succeeds again; asking checks
   * again, at most every half second. Stores that cannot fail always answer true.
   */
  default boolean writable() {
    return true;
  }
}
