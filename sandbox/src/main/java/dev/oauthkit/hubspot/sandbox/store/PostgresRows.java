package dev.oauthkit.hubspot.sandbox.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/** PostgreSQL's encodings: instants as {@code timestamptz}, lists as {@code text[]}. */
final class PostgresRows extends SqlRows {

  static final PostgresRows ROWS = new PostgresRows();

  private PostgresRows() {}

  @Override
  List<String> list(ResultSet rs, String column) throws SQLException {
    Array array = rs.getArray(column);
    if (array == null) {
      return List.of();
    }
    try {
      return List.copyOf(Arrays.asList((String[]) array.getArray()));
    } finally {
      array.free();
    }
  }

  @Override
  void bindScopes(PreparedStatement ps, int index, List<String> scopes) throws SQLException {
    bindList(ps, index, scopes);
  }

  /** Binds a list as {@code text[]}. */
  void bindList(PreparedStatement ps, int index, List<String> values) throws SQLException {
    Connection connection = ps.getConnection();
    ps.setArray(index, connection.createArrayOf("text", values.toArray(new String[0])));
  }

  @Override
  Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  @Override
  void bindInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
    if (instant == null) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
  }

  @Override
  int userIdType() {
    return Types.BIGINT;
  }
}
