package dev.oauthkit.hubspot.sandbox.store;

import dev.oauthkit.hubspot.sandbox.secret.Secrets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Maps rows to and from SQL, once for every SQL store; a subclass says only how its database stores
 * instants and lists ({@link SqliteRows}, {@link PostgresRows}).
 */
abstract class SqlRows {

  static final String GRANT_COLUMNS = "hub_id, user_id, user_email, hub_domain, scopes";

  static final String REFRESH_COLUMNS =
      "r.token_hash, r.client_id, r.hub_id, r.user_id, r.user_email, r.hub_domain, r.scopes,"
          + " r.code_hash, r.issued_at, r.rotated_at, r.revoked_at";

  /** Reads a list column. */
  abstract List<String> list(ResultSet rs, String column) throws SQLException;

  /** Binds the scopes of a grant. */
  abstract void bindScopes(PreparedStatement ps, int index, List<String> scopes)
      throws SQLException;

  /** Reads an instant column; null stays null. */
  abstract Instant instant(ResultSet rs, String column) throws SQLException;

  /** Binds an instant; null binds SQL NULL. */
  abstract void bindInstant(PreparedStatement ps, int index, Instant instant) throws SQLException;

  /** The SQL type to bind a missing user id as. */
  abstract int userIdType();

  final App app(ResultSet rs) throws SQLException {
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

  final AuthCodeRow code(ResultSet rs) throws SQLException {
    return new AuthCodeRow(
        rs.getString("code_hash"),
        rs.getString("client_id"),
        rs.getString("redirect_uri"),
        grant(rs),
        instant(rs, "expires_at"),
        instant(rs, "used_at"));
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
        instant(rs, "revoked_at"));
  }

  /** Binds the {@link #GRANT_COLUMNS} from {@code index} on; returns the next index. */
  final int bindGrant(PreparedStatement ps, int index, AuthCodeRow.Grant grant)
      throws SQLException {
    ps.setLong(index, grant.hubId());
    if (grant.userId() == null) {
      ps.setNull(index + 1, userIdType());
    } else {
      ps.setLong(index + 1, grant.userId());
    }
    ps.setString(index + 2, grant.user());
    ps.setString(index + 3, grant.hubDomain());
    bindScopes(ps, index + 4, grant.scopes());
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
}
