package dev.oauthkit.hubspot.sandbox.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs the store on a PostgreSQL server that several sandboxes can share: a Hikari pool, reads in
 * auto-commit, each write one short READ COMMITTED transaction, committed before it returns. The
 * driver keeps each connection's server-side prepared statements, so statements closed after a call
 * are not parsed again. A connection failure (the server is down or unreachable, or stops
 * accepting, or hangs without answering) is an outage ({@link StoreHealth}): waiting for a
 * connection is bounded by {@value #CONNECTION_TIMEOUT_MILLIS} ms, and for an answer by {@value
 * #STATEMENT_TIMEOUT_MILLIS} ms; while the server is down callers are answered at once, but for one
 * probe every half second, until a connection works again.
 */
final class PostgresExecutor implements SqlExecutor {

  /** How long a call waits for a pooled connection before it is answered 503. */
  static final long CONNECTION_TIMEOUT_MILLIS = 1_500;

  /** How long a migration's statement may wait for the server's answer (at start only). */
  static final int MIGRATION_TIMEOUT_SECONDS = 600;

  /** How long a statement may wait for the server's answer before the call is answered 503. */
  static final long STATEMENT_TIMEOUT_MILLIS = 3_000;

  private final HikariDataSource pool;
  private final String schemaVersion;
  private final StoreHealth health = StoreHealth.of("postgres");

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
    HikariConfig config =
        config(
            target,
            "sandbox-postgres",
            poolSize,
            (int) TimeUnit.MILLISECONDS.toSeconds(STATEMENT_TIMEOUT_MILLIS));
    config.setMinimumIdle(Math.min(2, poolSize));
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException("cannot connect to PostgreSQL at " + target.redactedUrl(), e);
    }
    try {
      if (SchemaMigrations.LATEST.equals(SchemaMigrations.applied(pool))) {
        return new PostgresExecutor(pool, SchemaMigrations.LATEST); // the usual start: no DDL
      }
      try (HikariDataSource migrations = migrations(target)) {
        return new PostgresExecutor(
            pool, SchemaMigrations.migrate(migrations, SchemaMigrations.POSTGRES, false));
      }
    } catch (RuntimeException e) {
      pool.close();
      throw new StoreException("cannot migrate the schema at " + target.redactedUrl(), e);
    }
  }

  /**
   * Where the schema is migrated: the pool's configuration (so the same server, login and URL
   * parameters), a few connections (Flyway holds two at once), and {@value
   * #MIGRATION_TIMEOUT_SECONDS} s instead of the calls' {@value #STATEMENT_TIMEOUT_MILLIS} ms for
   * an answer, as a migration's DDL may take longer on a large table (an index) without anything
   * being wrong. The caller closes it.
   */
  static HikariDataSource migrations(JdbcTarget target) {
    HikariConfig config =
        config(target, "sandbox-postgres-migrations", 3, MIGRATION_TIMEOUT_SECONDS);
    config.setMinimumIdle(0);
    return new HikariDataSource(config);
  }

  /** The settings both the pool and the migrations use; only the size and the timeout differ. */
  private static HikariConfig config(
      JdbcTarget target, String name, int size, int socketTimeoutSeconds) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setJdbcUrl(target.url());
    config.setUsername(target.user());
    config.setPassword(target.password());
    config.setMaximumPoolSize(size);
    config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
    // A server that is down is found out in seconds, not at the OS's TCP timeouts.
    config.addDataSourceProperty("connectTimeout", "2");
    config.addDataSourceProperty("loginTimeout", "2");
    // A server that hangs (the connection open, no answer) is found out too: the driver ends a
    // connection whose answer takes longer (SQLSTATE 08006, an outage), and the pool checks an
    // idle connection for at most a second before it hands it out.
    config.addDataSourceProperty("socketTimeout", String.valueOf(socketTimeoutSeconds));
    config.setValidationTimeout(1_000);
    config.setAutoCommit(true);
    // Keep row values out of exception messages, so no hash or address reaches a log.
    config.addDataSourceProperty("logServerErrorDetail", "false");
    config.addDataSourceProperty("ApplicationName", "hubspot-oauth-sandbox");
    return config;
  }

  @Override
  public <T> T read(Sql.Work<T> work) {
    long started = health.admit();
    try (Pooled sql = new Pooled(pool.getConnection())) {
      T result = work.run(sql);
      health.succeeded(started);
      return result;
    } catch (SQLException e) {
      throw failure("a PostgreSQL statement failed", e);
    }
  }

  @Override
  public <T> T write(Sql.Work<T> work) {
    long started = health.admit();
    try (Pooled sql = new Pooled(pool.getConnection())) {
      Connection c = sql.connection;
      c.setAutoCommit(false);
      try {
        T result = work.run(sql);
        c.commit();
        c.setAutoCommit(true);
        health.succeeded(started);
        return result;
      } catch (SQLException | RuntimeException e) {
        // On a connection the server ended, rollback fails too: keep the first failure, the cause.
        try {
          c.rollback();
          c.setAutoCommit(true);
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      }
    } catch (SQLException e) {
      throw failure("a PostgreSQL transaction failed", e);
    }
  }

  @Override
  public StoreHealth health() {
    return health;
  }

  @Override
  public void probe() {
    long started = System.nanoTime();
    try (Connection c = pool.getConnection()) {
      if (!c.isValid(2)) {
        throw new SQLException("the connection is not valid", "08006");
      }
      health.succeeded(started);
    } catch (SQLException e) {
      throw failure("PostgreSQL cannot be reached", e);
    }
  }

  /** The exception for a failed call: an outage if the server could not be reached. */
  private StoreException failure(String message, SQLException e) {
    if (unreachable(e)) {
      health.failed(e);
      return health.outage(e);
    }
    return new StoreException(message, e);
  }

  /**
   * Whether a failure means the server cannot be reached or cannot work now: no connection within
   * the timeout, or SQLSTATE class 08 (connection), 53 (insufficient resources), 57P (shut down,
   * starting) or 58 (system error).
   */
  static boolean unreachable(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08")
            || state.startsWith("53")
            || state.startsWith("57P")
            || state.startsWith("58")) {
          return true;
        }
      }
    }
    return false;
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
