package dev.oauthkit.hubspot.sandbox.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The store on SQL, one implementation for SQLite ({@link #sqlite}, the default: one file, one
 * group-commit writer) and PostgreSQL ({@link #postgres}: a database several sandboxes can share).
 * The statements are {@link JdbcStatements}, written once; {@link SqlDialect} says how each
 * database stores instants and lists, and {@link SqlExecutor} who commits. Each operation is one
 * statement or one short transaction, durable before the method returns; the schema is migrated by
 * Flyway when the store opens ({@link SchemaMigrations}).
 */
public final class JdbcStore implements SandboxStore {

  /** The most purge statements one {@link #purge} runs, so one call stays bounded too. */
  private static final int MAX_PURGE_STATEMENTS = 200;

  private final SqlExecutor sql;
  private final ReadCache cache;

  private JdbcStore(SqlExecutor sql, ReadCache cache) {
    this.sql = sql;
    this.cache = cache;
  }

  /**
   * Opens (creating and migrating if needed) a SQLite file; a file that an older sandbox created
   * before Flyway ran its migrations is taken as schema version 1 and migrated from there. The file
   * is locked for this store alone (a second sandbox on it fails to start), so token rows are also
   * kept in memory ({@link ReadCache}).
   *
   * @param readers how many connections serve reads
   */
  public static JdbcStore sqlite(Path file, int readers) {
    Objects.requireNonNull(file, "file");
    return new JdbcStore(SqliteExecutor.open(file, readers), ReadCache.create());
  }

  /**
   * Connects to PostgreSQL (failing fast if the server cannot be reached), then migrates the
   * schema.
   *
   * @param target the server, database and credentials
   * @param poolSize the most connections this sandbox opens
   */
  public static JdbcStore postgres(JdbcTarget target, int poolSize) {
    return new JdbcStore(PostgresExecutor.open(target, poolSize), ReadCache.none());
  }

  /** The Flyway version of the schema after start-up, e.g. {@code 2}. */
  public String schemaVersion() {
    return sql.schemaVersion();
  }

  @Override
  public List<App> loadApps() {
    return sql.read(JdbcStatements::selectApps);
  }

  @Override
  public Optional<App> findApp(String clientId) {
    return clientId == null
        ? Optional.empty()
        : sql.read(s -> JdbcStatements.selectApp(s, clientId));
  }

  @Override
  public void insertApp(App app) {
    Objects.requireNonNull(app, "app");
    sql.write(s -> JdbcStatements.insertApp(s, app));
  }

  @Override
  public void insertCode(AuthCodeRow code) {
    Objects.requireNonNull(code, "code");
    sql.write(s -> JdbcStatements.insertCode(s, code));
  }

  @Override
  public Optional<AuthCodeRow> findCode(String codeHash) {
    return sql.read(s -> JdbcStatements.selectCode(s, codeHash));
  }

  @Override
  public void insertGrant(RefreshTokenRow grant, AccessTokenRow access) {
    sql.write(
        s -> {
          JdbcStatements.insertRefresh(s, grant);
          JdbcStatements.insertAccess(s, access);
          return null;
        });
  }

  @Override
  public boolean redeemCode(
      String codeHash, Instant now, RefreshTokenRow refresh, AccessTokenRow access) {
    return claimThenIssue(s -> JdbcStatements.claimCode(s, codeHash, now), refresh, access);
  }

  @Override
  public int revokeCodeFamily(String codeHash, Instant now) {
    try {
      return sql.write(s -> JdbcStatements.revokeFamily(s, codeHash, now));
    } finally {
      cache.invalidate();
    }
  }

  @Override
  public Optional<RefreshTokenRow> findRefreshToken(String tokenHash) {
    return cache.refresh(
        tokenHash, () -> sql.read(s -> JdbcStatements.selectRefresh(s, tokenHash)));
  }

  @Override
  public boolean hasRefreshTokens() {
    return sql.read(JdbcStatements::anyRefreshToken);
  }

  @Override
  public Optional<AccessTokenRow.WithRefresh> findAccessToken(String tokenHash) {
    return cache.access(tokenHash, () -> sql.read(s -> JdbcStatements.selectAccess(s, tokenHash)));
  }

  @Override
  public boolean issueAccessToken(String clientId, AccessTokenRow access) {
    Objects.requireNonNull(access, "access");
    return sql.write(s -> JdbcStatements.issueAccess(s, clientId, access));
  }

  @Override
  public boolean rotateRefreshToken(
      String oldHash,
      Instant now,
      String successorSeed,
      RefreshTokenRow next,
      AccessTokenRow access) {
    try {
      return claimThenIssue(
          s -> JdbcStatements.claimRefresh(s, oldHash, now, successorSeed), next, access);
    } finally {
      cache.invalidate();
    }
  }

  @Override
  public Optional<RefreshTokenRow> revokeRefreshToken(String tokenHash, Instant now) {
    try {
      return sql.write(
          s -> {
            Optional<RefreshTokenRow> before = JdbcStatements.selectRefresh(s, tokenHash);
            if (before.isPresent() && !before.get().revokedBy(now)) {
              JdbcStatements.revokeFamily(s, before.get().codeHash(), now);
            }
            return before;
          });
    } finally {
      cache.invalidate();
    }
  }

  @Override
  public int purge(Instant now) {
    int deleted = 0;
    int statements = 0;
    for (JdbcStatements.Purge purge : JdbcStatements.Purge.values()) {
      int batch = PURGE_BATCH;
      while (batch == PURGE_BATCH && statements++ < MAX_PURGE_STATEMENTS) {
        batch = sql.write(s -> JdbcStatements.purge(s, purge, now, PURGE_BATCH));
        deleted += batch;
      }
    }
    cache.invalidate();
    sql.afterPurge();
    return deleted;
  }

  @Override
  public String kind() {
    return sql.kind();
  }

  @Override
  public boolean writable() {
    StoreHealth health = sql.health();
    if (!health.up() && health.probeDue()) {
      try {
        sql.probe();
      } catch (StoreException stillDown) {
        // still down: health says so
      }
    }
    return health.up();
  }

  @Override
  public void close() {
    sql.close();
  }

  /** In one commit: claim a code or token; only if this call claimed it, store the new tokens. */
  private boolean claimThenIssue(
      Sql.Work<Boolean> claim, RefreshTokenRow refresh, AccessTokenRow access) {
    Objects.requireNonNull(refresh, "refresh");
    Objects.requireNonNull(access, "access");
    return sql.write(
        s -> {
          if (!claim.run(s)) {
            return false;
          }
          JdbcStatements.insertRefresh(s, refresh);
          JdbcStatements.insertAccess(s, access);
          return true;
        });
  }
}
