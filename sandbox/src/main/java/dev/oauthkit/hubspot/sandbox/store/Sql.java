package dev.oauthkit.hubspot.sandbox.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A connection as {@link JdbcStatements} sees it: statements by their SQL text, and the dialect
 * that binds and reads values. Used by one thread at a time, for the duration of one {@link Work}.
 */
interface Sql {

  /** The prepared statement for {@code sql}; the handle closes it, never the caller. */
  PreparedStatement prepare(String sql) throws SQLException;

  /** How this database stores instants and lists. */
  SqlDialect dialect();

  /** Work to run on a connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Sql sql) throws SQLException;
  }
}
