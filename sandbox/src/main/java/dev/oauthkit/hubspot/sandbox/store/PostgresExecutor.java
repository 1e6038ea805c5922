package dev.oauthkit.hubspot.sandbox.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs the store on a PostgreSQL server that several sandboxes can share: a Hikari pool, reads in
 * auto-commit, each write one short READ COMMITTED transaction, committed before it returns. The
 * driver keeps each connection's server-side prepared statements, so statements closed after a call
 * are not parsed again.
 */
final class PostgresExecutor implements SqlExecutor {

  private final HikariDataSource pool;
  private final String schemaVersion;

  private PostgresExecutor(HikariDataSource pool, String schemaVersion) {
    this.pool = pool;
    this.schemaVersion = schemaVersion;
  }

  /** Connects (failing fast if the server cannot be reached), then migrates the schema. */
  static PostgresExecutor open(JdbcTarget target, int poolSize) {
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
      return new PostgresExecutor(
          pool, SchemaMigrations.migrate(pool, SchemaMigrations.POSTGRES, false));
    } catch (RuntimeException e) {
      pool.close();
      throw new StoreException("cannot migrate the schema at " + target.redactedUrl(), e);
    }
  }

  @Override
  public <T> T read(Sql.Work<T> work) {
    try (Pooled sql = new Pooled(pool.getConnection())) {
      return work.run(sql);
    } catch (SQLException e) {
      throw new StoreException("a PostgreSQL statement failed", e);
    }
  }

  @Override
  public <T> T write(Sql.Work<T> work) {
    try (Pooled sql = new Pooled(pool.getConnection())) {
      Connection c = sql.connection;
      c.setAutoCommit(false);
      try {
        T result = work.run(sql);
        c.commit();
        return result;
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

  /** Nothing to do: PostgreSQL's autovacuum makes the space of deleted rows reusable. */
  @Override
  public void afterPurge() {}

  @Override
  public String kind() {
    return "postgres";
  }

  @Override
  public String schemaVersion() {
    return schemaVersion;
  }

  @Override
  public void close() {
    pool.close();
  }

  /** A pooled connection for one call; its statements are closed when it goes back. */
  private static final class Pooled implements Sql, AutoCloseable {
    private final Connection connection;
    private final List<PreparedStatement> statements = new ArrayList<>(2);

    private Pooled(Connection connection) {
      this.connection = connection;
    }

    @Override
    public PreparedStatement prepare(String sql) throws SQLException {
      PreparedStatement statement = connection.prepareStatement(sql);
      statements.add(statement);
      return statement;
    }

    @Override
    public SqlDialect dialect() {
      return SqlDialect.POSTGRES;
    }

    @Override
    public void close() throws SQLException {
      try {
        for (PreparedStatement statement : statements) {
          statement.close();
        }
      } finally {
        connection.close();
      }
    }
  }
}
