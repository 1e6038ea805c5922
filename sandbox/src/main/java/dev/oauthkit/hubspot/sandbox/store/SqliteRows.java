package dev.oauthkit.hubspot.sandbox.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** SQLite's encodings: instants as epoch millis, lists as separated text. */
final class SqliteRows extends SqlRows {

  static final SqliteRows ROWS = new SqliteRows();

  private SqliteRows() {}

  @Override
  List<String> list(ResultSet rs, String column) throws SQLException {
    return split(rs.getString(column), column.equals("redirect_uris") ? "\n" : " ");
  }

  @Override
  void bindScopes(PreparedStatement ps, int index, List<String> scopes) throws SQLException {
    ps.setString(index, String.join(" ", scopes));
  }

  @Override
  Instant instant(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  @Override
  void bindInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
    if (instant == null) {
      ps.setNull(index, Types.INTEGER);
    } else {
      ps.setLong(index, instant.toEpochMilli());
    }
  }

  @Override
  int userIdType() {
    return Types.INTEGER;
  }

  static List<String> split(String joined, String separator) {
    if (joined == null || joined.isEmpty()) {
      return List.of();
    }
    return Arrays.asList(joined.split(separator));
  }
}
