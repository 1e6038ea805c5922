package dev.oauthkit.hubspot.sandbox.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** One SQLite connection with its prepared statements, used by one thread at a time. */
final class SqlSession implements Sql, AutoCloseable {

  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  private SqlSession(Connection connection) {
    this.connection = connection;
  }

  /**
   * Opens a connection to a SQLite file in WAL mode and applies the given pragmas. The driver is
   * told not to look up generated keys: no statement reads them, and after every INSERT the lookup
   * was a regular expression and a second query (a quarter of the writer's time under load).
   */
  static SqlSession open(String jdbcUrl, String... pragmas) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("jdbc.get_generated_keys", "false");
    Connection connection = DriverManager.getConnection(jdbcUrl, properties);
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout=10000");
      for (String pragma : pragmas) {
        statement.execute(pragma);
      }
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return new SqlSession(connection);
  }

  /** The prepared statement for {@code sql}, prepared once per connection. */
  @Override
  public PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  @Override
  public SqlDialect dialect() {
    return SqlDialect.SQLITE;
  }

  /** Runs a statement that needs no parameters, such as DDL or a pragma. */
  void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  Connection connection() {
    return connection;
  }

  @Override
  public void close() {
    for (PreparedStatement statement : statements.values()) {
      try {
        statement.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
    statements.clear();
    try {
      connection.close();
    } catch (SQLException ignored) {
      // closing anyway
    }
  }
}
