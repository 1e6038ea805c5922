package dev.oauthkit.hubspot.sandbox.store;

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

  /** Every app, for the in-memory app cache. */
  List<App> loadApps();

  /** One app by client id, also one another sandbox sharing the database created. */
  Optional<App> findApp(String clientId);

  void insertApp(App app);

  void insertCode(AuthCodeRow code);

  Optional<AuthCodeRow> findCode(String codeHash);

  /**
   * Marks an unused code used and stores its first token pair, atomically.
   *
   * @return {@code false}, storing nothing, if the code was already used
   */
  boolean redeemCode(String codeHash, Instant now, RefreshTokenRow refresh, AccessTokenRow access);

  /** Revokes every refresh token (so every access token) issued from a code; returns how many. */
  int revokeCodeFamily(String codeHash, Instant now);

  Optional<RefreshTokenRow> findRefreshToken(String tokenHash);

  Optional<AccessTokenRow.WithRefresh> findAccessToken(String tokenHash);

  /** Stores an access token issued from an existing refresh token. */
  void insertAccessToken(AccessTokenRow access);

  /**
   * Replaces an active refresh token with a new one and stores the new pair, atomically.
   *
   * @return {@code false}, storing nothing, if the old token was no longer active
   */
  boolean rotateRefreshToken(
      String oldHash, Instant now, RefreshTokenRow next, AccessTokenRow access);

  /**
   * Revokes a refresh token and with it every access token issued from it.
   *
   * @return {@code false} if it is unknown or already revoked
   */
  boolean revokeRefreshToken(String tokenHash, Instant now);

  /** A short name for logs: {@code memory}, {@code sqlite} or {@code postgres}. */
  String kind();

  @Override
  void close();
}
