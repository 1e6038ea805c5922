package dev.oauthkit.hubspot.sandbox.store;

import dev.oauthkit.hubspot.sandbox.secret.Secrets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Maps rows to and from SQL: instants as epoch millis, lists as separated text. */
final class SqliteRows {

  static final String REFRESH_COLUMNS =
      "r.token_hash, r.client_id, r.hub_id, r.user_id, r.user_email, r.hub_domain, r.scopes,"
          + " r.code_hash, r.issued_at, r.rotated_at, r.revoked_at";

  private SqliteRows() {}

  static App app(ResultSet rs) throws SQLException {
    return App.builder()
        .appId(rs.getLong("app_id"))
        .clientId(rs.getString("client_id"))
        .secretSha256(Secrets.fromHex(rs.getString("secret_sha256")))
        .name(rs.getString("name"))
        .redirectUris(split(rs.getString("redirect_uris"), "\n"))
        .scopes(split(rs.getString("scopes"), " "))
        .optionalScopes(split(rs.getString("optional_scopes"), " "))
        .build();
  }

  static AuthCodeRow code(ResultSet rs) throws SQLException {
    return new AuthCodeRow(
        rs.getString("code_hash"),
        rs.getString("client_id"),
        rs.getString("redirect_uri"),
        grant(rs, ""),
        instant(rs, "expires_at"),
        instant(rs, "used_at"));
  }

  /** A refresh token from columns selected with {@link #REFRESH_COLUMNS}. */
  static RefreshTokenRow refresh(ResultSet rs) throws SQLException {
    return new RefreshTokenRow(
        rs.getString("token_hash"),
        rs.getString("client_id"),
        grant(rs, ""),
        rs.getString("code_hash"),
        instant(rs, "issued_at"),
        instant(rs, "rotated_at"),
        instant(rs, "revoked_at"));
  }

  private static AuthCodeRow.Grant grant(ResultSet rs, String prefix) throws SQLException {
    long userId = rs.getLong(prefix + "user_id");
    Long user = rs.wasNull() ? null : userId;
    return new AuthCodeRow.Grant(
        rs.getLong(prefix + "hub_id"),
        user,
        rs.getString(prefix + "user_email"),
        rs.getString(prefix + "hub_domain"),
        split(rs.getString(prefix + "scopes"), " "));
  }

  /** Binds hub_id, user_id, user_email, hub_domain, scopes from {@code index} on. */
  static int bindGrant(PreparedStatement ps, int index, AuthCodeRow.Grant grant)
      throws SQLException {
    ps.setLong(index, grant.hubId());
    if (grant.userId() == null) {
      ps.setNull(index + 1, Types.INTEGER);
    } else {
      ps.setLong(index + 1, grant.userId());
    }
    ps.setString(index + 2, grant.user());
    ps.setString(index + 3, grant.hubDomain());
    ps.setString(index + 4, String.join(" ", grant.scopes()));
    return index + 5;
  }

  static void bindInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
    if (instant == null) {
      ps.setNull(index, Types.INTEGER);
    } else {
      ps.setLong(index, instant.toEpochMilli());
    }
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  static List<String> split(String joined, String separator) {
    if (joined == null || joined.isEmpty()) {
      return List.of();
    }
    return Arrays.asList(joined.split(separator));
  }
}
