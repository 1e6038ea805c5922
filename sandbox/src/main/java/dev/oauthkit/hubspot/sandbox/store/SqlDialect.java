package dev.oauthkit.hubspot.sandbox.store;

import dev.oauthkit.hubspot.sandbox.secret.Secrets;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Everything SQLite and PostgreSQL do differently for the store's statements, in one place: how an
 * instant and a list are stored ({@link #SQLITE}: epoch milliseconds and one value a line; {@link
 * #POSTGRES}: {@code timestamptz} and {@code text[]}), and how the purge claims its batch. Rows are
 * mapped here once for both, on top of those encodings. Who commits is the other difference: see
 * {@link SqlExecutor}.
 */
abstract class SqlDialect {

  /** SQLite: instants as epoch millis, lists as text with one value a line. */
  static final SqlDialect SQLITE = new Sqlite();

  /** PostgreSQL: instants as timestamptz, lists as text[]. */
  static final SqlDialect POSTGRES = new Postgres();

  /** The columns of a grant, in {@link #bindGrant} order. */
  static final String GRANT_COLUMNS = "hub_id, user_id, user_email, hub_domain, scopes";

  /** The columns {@link #refresh} reads, from a table aliased {@code r}. */
  static final String REFRESH_COLUMNS =
      "r.token_hash, r.client_id, r.hub_id, r.user_id, r.user_email, r.hub_domain, r.scopes,"
          + " r.code_hash, r.issued_at, r.rotated_at, r.revoked_at, r.successor_seed";

  private SqlDialect() {}

  /** Reads a list column. */
  abstract List<String> list(ResultSet rs, String column) throws SQLException;

  /** Binds a list. */
  abstract void bindList(PreparedStatement ps, int index, List<String> values) throws SQLException;

  /** Reads an instant column; SQL NULL reads as null. */
  abstract Instant instant(ResultSet rs, String column) throws SQLException;

  /** Binds an instant; null binds SQL NULL. */
  abstract void bindInstant(PreparedStatement ps, int index, Instant instant) throws SQLException;

  /**
   * What ends the purge's {@code SELECT ... LIMIT ?} of rows to delete: PostgreSQL skips rows that
   * another sandbox's purge holds, SQLite (one writer) needs nothing.
   */
  abstract String claimBatch();

  final App app(ResultSet rs) throws SQLException {
    return App.builder()
        .appId(rs.getLong("app_id"))
        .clientId(rs.getString("client_id"))
        .secretSha256(Secrets.fromHex(rs.getString("secret_sha256")))
        .name(rs.getString("name"))
        .redirectUris(list(rs, "redirect_uris"))
        .scopes(list(rs, "scopes"))
        .optionalScopes(list(rs, "optional_scopes"))
        .clientCredentials(rs.getInt("client_credentials") != 0)
        .build();
  }

  final AuthCodeRow code(ResultSet rs) throws SQLException {
    return new AuthCodeRow(
        rs.getString("code_hash"),
        rs.getString("client_id"),
        rs.getString("redirect_uri"),
        grant(rs),
        instant(rs, "expires_at"),
        instant(rs, "used_at"),
        rs.getString("code_challenge"));
  }

  /** A refresh token from columns selected with {@link #REFRESH_COLUMNS}. */
  final RefreshTokenRow refresh(ResultSet rs) throws SQLException {
    return new RefreshTokenRow(
        rs.getString("token_hash"),
        rs.getString("client_id"),
        grant(rs),
        rs.getString("code_hash"),
        instant(rs, "issued_at"),
        instant(rs, "rotated_at"),
        instant(rs, "revoked_at"),
        rs.getString("successor_seed"));
  }

  /** Binds the {@link #GRANT_COLUMNS} from {@code index} on; returns the next index. */
  final int bindGrant(PreparedStatement ps, int index, AuthCodeRow.Grant grant)
      throws SQLException {
    ps.setLong(index, grant.hubId());
    if (grant.userId() == null) {
      ps.setNull(index + 1, Types.BIGINT);
    } else {
      ps.setLong(index + 1, grant.userId());
    }
    ps.setString(index + 2, grant.user());
    ps.setString(index + 3, grant.hubDomain());
    bindList(ps, index + 4, grant.scopes());
    return index + 5;
  }

  private AuthCodeRow.Grant grant(ResultSet rs) throws SQLException {
    long userId = rs.getLong("user_id");
    Long user = rs.wasNull() ? null : userId;
    return new AuthCodeRow.Grant(
        rs.getLong("hub_id"),
        user,
        rs.getString("user_email"),
        rs.getString("hub_domain"),
        list(rs, "scopes"));
  }

  private static final class Sqlite extends SqlDialect {

    @Override
    List<String> list(ResultSet rs, String column) throws SQLException {
      String joined = rs.getString(column);
      return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
    }

    @Override
    void bindList(PreparedStatement ps, int index, List<String> values) throws SQLException {
      ps.setString(index, String.join("\n", values));
    }

    @Override
    Instant instant(ResultSet rs, String column) throws SQLException {
      long millis = rs.getLong(column);
      return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    @Override
    void bindInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
      if (instant == null) {
        ps.setNull(index, Types.BIGINT);
      } else {
        ps.setLong(index, instant.toEpochMilli());
      }
    }

    @Override
    String claimBatch() {
      return "";
    }
  }

  private static final class Postgres extends SqlDialect {

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
    void bindList(PreparedStatement ps, int index, List<String> values) throws SQLException {
      ps.setArray(index, ps.getConnection().createArrayOf("text", values.toArray(new String[0])));
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
    String claimBatch() {
      return " FOR UPDATE SKIP LOCKED";
    }
  }
}
