package dev.oauthkit.hubspot.sandbox.store;

import dev.oauthkit.hubspot.sandbox.secret.Secrets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL store's SQL, one method per statement. The conditional updates ({@code ... AND
 * used_at IS NULL}) are what keep codes single-use across sandboxes: under READ COMMITTED a second
 * concurrent update of the same row waits for the first to commit, re-checks the condition and
 * changes nothing.
 */
final class PostgresStatements {

  private PostgresStatements() {}

  static List<App> selectApps(Connection c) throws SQLException {
    List<App> apps = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM apps");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        apps.add(PostgresRows.ROWS.app(rs));
      }
    }
    return apps;
  }

  static Optional<App> selectApp(Connection c, String clientId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM apps WHERE client_id = ?")) {
      ps.setString(1, clientId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(PostgresRows.ROWS.app(rs)) : Optional.empty();
      }
    }
  }

  static void insertApp(Connection c, App app) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO apps (app_id, client_id, secret_sha256, name, redirect_uris, scopes,"
                + " optional_scopes) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, app.appId());
      ps.setString(2, app.clientId());
      ps.setString(3, Secrets.toHex(app.secretSha256()));
      ps.setString(4, app.name());
      PostgresRows.ROWS.bindList(ps, 5, app.redirectUris());
      PostgresRows.ROWS.bindList(ps, 6, app.scopes());
      PostgresRows.ROWS.bindList(ps, 7, app.optionalScopes());
      ps.executeUpdate();
    }
  }

  static void insertCode(Connection c, AuthCodeRow code) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO auth_codes (code_hash, client_id, redirect_uri, "
                + PostgresRows.GRANT_COLUMNS
                + ", expires_at, used_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, code.codeHash());
      ps.setString(2, code.clientId());
      ps.setString(3, code.redirectUri());
      int next = PostgresRows.ROWS.bindGrant(ps, 4, code.grant());
      PostgresRows.ROWS.bindInstant(ps, next, code.expiresAt());
      PostgresRows.ROWS.bindInstant(ps, next + 1, code.usedAt());
      ps.executeUpdate();
    }
  }

  static Optional<AuthCodeRow> selectCode(Connection c, String codeHash) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT * FROM auth_codes WHERE code_hash = ?")) {
      ps.setString(1, codeHash);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(PostgresRows.ROWS.code(rs)) : Optional.empty();
      }
    }
  }

  /** Marks an unused code used; true if this call did it. */
  static boolean markCodeUsed(Connection c, String codeHash, Instant now) throws SQLException {
    return update(
        c,
        "UPDATE auth_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL",
        now,
        codeHash);
  }

  static int revokeFamily(Connection c, String codeHash, Instant now) throws SQLException {
    return stamp(
        c,
        "UPDATE refresh_tokens SET revoked_at = ? WHERE code_hash = ? AND revoked_at IS NULL",
        now,
        codeHash);
  }

  static Optional<RefreshTokenRow> selectRefresh(Connection c, String tokenHash)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + PostgresRows.REFRESH_COLUMNS
                + " FROM refresh_tokens r WHERE r.token_hash = ?")) {
      ps.setString(1, tokenHash);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(PostgresRows.ROWS.refresh(rs)) : Optional.empty();
      }
    }
  }

  static Optional<AccessTokenRow.WithRefresh> selectAccess(Connection c, String tokenHash)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT a.expires_at AS access_expires_at, "
                + PostgresRows.REFRESH_COLUMNS
                + " FROM access_tokens a JOIN refresh_tokens r ON r.token_hash = a.refresh_hash"
                + " WHERE a.token_hash = ?")) {
      ps.setString(1, tokenHash);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        RefreshTokenRow refresh = PostgresRows.ROWS.refresh(rs);
        AccessTokenRow access =
            new AccessTokenRow(
                tokenHash, refresh.tokenHash(), PostgresRows.ROWS.instant(rs, "access_expires_at"));
        return Optional.of(new AccessTokenRow.WithRefresh(access, refresh));
      }
    }
  }

  static void insertRefresh(Connection c, RefreshTokenRow row) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO refresh_tokens (token_hash, client_id, "
                + PostgresRows.GRANT_COLUMNS
                + ", code_hash, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, row.tokenHash());
      ps.setString(2, row.clientId());
      int next = PostgresRows.ROWS.bindGrant(ps, 3, row.grant());
      ps.setString(next, row.codeHash());
      PostgresRows.ROWS.bindInstant(ps, next + 1, row.issuedAt());
      ps.executeUpdate();
    }
  }

  static void insertAccess(Connection c, AccessTokenRow row) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO access_tokens (token_hash, refresh_hash, expires_at) VALUES (?, ?, ?)")) {
      ps.setString(1, row.tokenHash());
      ps.setString(2, row.refreshHash());
      PostgresRows.ROWS.bindInstant(ps, 3, row.expiresAt());
      ps.executeUpdate();
    }
  }

  /** Marks an active refresh token rotated; true if this call did it. */
  static boolean markRotated(Connection c, String tokenHash, Instant now) throws SQLException {
    return update(
        c,
        "UPDATE refresh_tokens SET rotated_at = ? WHERE token_hash = ?"
            + " AND rotated_at IS NULL AND revoked_at IS NULL",
        now,
        tokenHash);
  }

  /** Revokes a refresh token; true if this call did it. */
  static boolean markRevoked(Connection c, String tokenHash, Instant now) throws SQLException {
    return update(
        c,
        "UPDATE refresh_tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL",
        now,
        tokenHash);
  }

  /** Whether exactly this call stamped the row: see {@link #stamp}. */
  private static boolean update(Connection c, String sql, Instant now, String hash)
      throws SQLException {
    return stamp(c, sql, now, hash) == 1;
  }

  /** Runs {@code UPDATE ... SET <instant> = ? WHERE <hash> = ? ...}; returns the rows stamped. */
  private static int stamp(Connection c, String sql, Instant now, String hash) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      PostgresRows.ROWS.bindInstant(ps, 1, now);
      ps.setString(2, hash);
      return ps.executeUpdate();
    }
  }
}
