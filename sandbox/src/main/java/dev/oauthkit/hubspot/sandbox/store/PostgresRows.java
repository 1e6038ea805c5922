package dev.oauthkit.hubspot.sandbox.store;

import dev.oauthkit.hubspot.sandbox.secret.Secrets;
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

/** Maps rows to and from PostgreSQL: instants as {@code timestamptz}, lists as {@code text[]}. */
final class PostgresRows {

  static final String GRANT_COLUMNS = "hub_id, user_id, user_email, hub_domain, scopes";

  static final String REFRESH_COLUMNS =
      "r.token_hash, r.client_id, r.hub_id, r.user_id, r.user_email, r.hub_domain, r.scopes,"
          + " r.code_hash, r.issued_at, r.rotated_at, r.revoked_at";

  private PostgresRows() {}

  static App app(ResultSet rs) throws SQLException {
    return App.builder()
        .appId(rs.getLong("app_id"))
        .clientId(rs.getString("client_id"))
        .secretSha256(Secrets.fromHex(rs.getString("secret_sha256")))
        .name(rs.getString("name"))
        .redirectUris(list(rs, "redirect_uris"))
        .scopes(list(rs, "scopes"))
        .optionalScopes(list(rs, "optional_scopes"))
        .build();
  }

  static AuthCodeRow code(ResultSet rs) throws SQLException {
    return new AuthCodeRow(
        rs.getString("code_hash"),
        rs.getString("client_id"),
        rs.getString("redirect_uri"),
        grant(rs),
        instant(rs, "expires_at"),
        instant(rs, "used_at"));
  }

  /** A refresh token from columns selected with {@link #REFRESH_COLUMNS}. */
  static RefreshTokenRow refresh(ResultSet rs) throws SQLException {
    return new RefreshTokenRow(
        rs.getString("token_hash"),
        rs.getString("client_id"),
        grant(rs),
        rs.getString("code_hash"),
        instant(rs, "issued_at"),
        instant(rs, "rotated_at"),
        instant(rs, "revoked_at"));
  }

  private static AuthCodeRow.Grant grant(ResultSet rs) throws SQLException {
    long userId = rs.getLong("user_id");
    Long user = rs.wasNull() ? null : userId;
    return new AuthCodeRow.Grant(
        rs.getLong("hub_id"),
        user,
        rs.getString("user_email"),
        rs.getString("hub_domain"),
        list(rs, "scopes"));
  }

  /** Binds the {@link #GRANT_COLUMNS} from {@code index} on; returns the next index. */
  static int bindGrant(PreparedStatement ps, int index, AuthCodeRow.Grant grant)
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

  static void bindList(PreparedStatement ps, int index, List<String> values) throws SQLException {
    Connection connection = ps.getConnection();
    ps.setArray(index, connection.createArrayOf("text", values.toArray(new String[0])));
  }

  static void bindInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
    if (instant == null) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static List<String> list(ResultSet rs, String column) throws SQLException {
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
}
