package dev.oauthkit.hubspot.sandbox.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A store on a PostgreSQL server ({@code --store=postgres}) that several sandboxes can share. The
 * schema is migrated with Flyway at {@link #open}. Every operation is one statement in auto-commit
 * or one short READ COMMITTED transaction; codes and rotated refresh tokens stay single-use across
 * sandboxes through conditional updates (see {@link PostgresStatements}). A method returns once
 * PostgreSQL has committed its change.
 */
public final class PostgresStore implements SandboxStore {

  private final HikariDataSource pool;
  private final String schemaVersion;

  private PostgresStore(HikariDataSource pool, String schemaVersion) {
    this.pool = pool;
    this.schemaVersion = schemaVersion;
  }

  /**
   * Connects (failing fast if the server cannot be reached), then migrates the schema.
   *
   * @param target the server, database and credentials
   * @param poolSize the most connections this sandbox opens
   */
  public static PostgresStore open(JdbcTarget target, int poolSize) {
    Objects.requireNonNull(target, "target");
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be at least 1, got " + poolSize);
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("sandbox-postgres");
    config.setJdbcUrl(target.url());
    config.setUsername(target.user());
    config.setPassword(target.password());
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(Math.min(2, poolSize));
    config.setConnectionTimeout(10_000);
    config.setAutoCommit(true);
    // Keep row values out of exception messages, so no hash or address reaches a log.
    config.addDataSourceProperty("logServerErrorDetail", "false");
    config.addDataSourceProperty("ApplicationName", "hubspot-oauth-sandbox");
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException("cannot connect to PostgreSQL at " + target.redactedUrl(), e);
    }
    try {
      return new PostgresStore(pool, PostgresSchema.migrate(pool));
    } catch (RuntimeException e) {
      pool.close();
      throw new StoreException("cannot migrate the schema at " + target.redactedUrl(), e);
    }
  }

  /** The Flyway version of the schema after start-up, e.g. {@code 1}. */
  public String schemaVersion() {
    return schemaVersion;
  }

  @Override
  public List<App> loadApps() {
    return run(PostgresStatements::selectApps);
  }

  @Override
  public Optional<App> findApp(String clientId) {
    return clientId == null
        ? Optional.empty()
        : run(c -> PostgresStatements.selectApp(c, clientId));
  }

  @Override
  public void insertApp(App app) {
    Objects.requireNonNull(app, "app");
    run(
        c -> {
          PostgresStatements.insertApp(c, app);
          return null;
        });
  }

  @Override
  public void insertCode(AuthCodeRow code) {
    Objects.requireNonNull(code, "code");
    run(
        c -> {
          PostgresStatements.insertCode(c, code);
          return null;
        });
  }

  @Override
  public Optional<AuthCodeRow> findCode(String codeHash) {
    return run(c -> PostgresStatements.selectCode(c, codeHash));
  }

  @Override
  public boolean redeemCode(
      String codeHash, Instant now, RefreshTokenRow refresh, AccessTokenRow access) {
    return claimThenIssue(c -> PostgresStatements.markCodeUsed(c, codeHash, now), refresh, access);
  }

  @Override
  public int revokeCodeFamily(String codeHash, Instant now) {
    return run(c -> PostgresStatements.revokeFamily(c, codeHash, now));
  }

  @Override
  public Optional<RefreshTokenRow> findRefreshToken(String tokenHash) {
    return run(c -> PostgresStatements.selectRefresh(c, tokenHash));
  }

  @Override
  public Optional<AccessTokenRow.WithRefresh> findAccessToken(String tokenHash) {
    return run(c -> PostgresStatements.selectAccess(c, tokenHash));
  }

  @Override
  public void insertAccessToken(AccessTokenRow access) {
    Objects.requireNonNull(access, "access");
    run(
        c -> {
          PostgresStatements.insertAccess(c, access);
          return null;
        });
  }

  @Override
  public boolean rotateRefreshToken(
      String oldHash, Instant now, RefreshTokenRow next, AccessTokenRow access) {
    return claimThenIssue(c -> PostgresStatements.markRotated(c, oldHash, now), next, access);
  }

  @Override
  public boolean revokeRefreshToken(String tokenHash, Instant now) {
    return run(c -> PostgresStatements.markRevoked(c, tokenHash, now));
  }

  @Override
  public String kind() {
    return "postgres";
  }

  @Override
  public void close() {
    pool.close();
  }

  /** One statement in auto-commit. */
  private <T> T run(Work<T> work) {
    try (Connection c = pool.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException("a PostgreSQL statement failed", e);
    }
  }

  /** Several statements in one transaction; rolled back on failure or when work says false. */
  /** In one transaction: claim a code or token; only if this call claimed it, store the tokens. */
  private boolean claimThenIssue(
      Work<Boolean> claim, RefreshTokenRow refresh, AccessTokenRow access) {
    return inTransaction(
        c -> {
          if (!claim.run(c)) {
            return false;
          }
          PostgresStatements.insertRefresh(c, refresh);
          PostgresStatements.insertAccess(c, access);
          return true;
        });
  }

  private boolean inTransaction(Work<Boolean> work) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        boolean done = work.run(c);
        if (done) {
          c.commit();
        } else {
          c.rollback();
        }
        return done;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("a PostgreSQL transaction failed", e);
    }
  }

  /** Work on one connection. */
  @FunctionalInterface
  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }
}
