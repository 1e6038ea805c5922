package dev.oauthkit.hubspot.sandbox.store;

import dev.oauthkit.hubspot.sandbox.secret.Secrets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The store's SQL, one method per statement, on a session's prepared statements. */
final class SqliteStatements {

  static final String[] SCHEMA = {
    "CREATE TABLE IF NOT EXISTS apps (app_id INTEGER PRIMARY KEY, client_id TEXT NOT NULL UNIQUE,"
        + " secret_sha256 TEXT NOT NULL, name TEXT NOT NULL, redirect_uris TEXT NOT NULL,"
        + " scopes TEXT NOT NULL, optional_scopes TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS auth_codes (code_hash TEXT PRIMARY KEY, client_id TEXT NOT NULL,"
        + " redirect_uri TEXT NOT NULL, hub_id INTEGER NOT NULL, user_id INTEGER, user_email TEXT,"
        + " hub_domain TEXT NOT NULL, scopes TEXT NOT NULL, expires_at INTEGER NOT NULL,"
        + " used_at INTEGER) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS refresh_tokens (token_hash TEXT PRIMARY KEY,"
        + " client_id TEXT NOT NULL, hub_id INTEGER NOT NULL, user_id INTEGER, user_email TEXT,"
        + " hub_domain TEXT NOT NULL, scopes TEXT NOT NULL, code_hash TEXT NOT NULL,"
        + " issued_at INTEGER NOT NULL, rotated_at INTEGER, revoked_at INTEGER) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS refresh_tokens_by_code ON refresh_tokens (code_hash)",
    "CREATE TABLE IF NOT EXISTS access_tokens (token_hash TEXT PRIMARY KEY,"
        + " refresh_hash TEXT NOT NULL, expires_at INTEGER NOT NULL) WITHOUT ROWID"
  };

  private SqliteStatements() {}

  static List<App> selectApps(SqlSession s) throws SQLException {
    List<App> apps = new ArrayList<>();
    try (ResultSet rs = s.prepare("SELECT * FROM apps").executeQuery()) {
      while (rs.next()) {
        apps.add(SqliteRows.ROWS.app(rs));
      }
    }
    return apps;
  }

  static Optional<App> selectApp(SqlSession s, String clientId) throws SQLException {
    PreparedStatement ps = s.prepare("SELECT * FROM apps WHERE client_id = ?");
    ps.setString(1, clientId);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(SqliteRows.ROWS.app(rs)) : Optional.empty();
    }
  }

  static int insertApp(SqlSession s, App app) throws SQLException {
    PreparedStatement ps =
        s.prepare(
            "INSERT INTO apps (app_id, client_id, secret_sha256, name, redirect_uris, scopes,"
                + " optional_scopes) VALUES (?, ?, ?, ?, ?, ?, ?)");
    ps.setLong(1, app.appId());
    ps.setString(2, app.clientId());
    ps.setString(3, Secrets.toHex(app.secretSha256()));
    ps.setString(4, app.name());
    ps.setString(5, String.join("\n", app.redirectUris()));
    ps.setString(6, String.join(" ", app.scopes()));
    ps.setString(7, String.join(" ", app.optionalScopes()));
    return ps.executeUpdate();
  }

  static int insertCode(SqlSession s, AuthCodeRow code) throws SQLException {
    PreparedStatement ps =
        s.prepare(
            "INSERT INTO auth_codes (code_hash, client_id, redirect_uri, hub_id, user_id,"
                + " user_email, hub_domain, scopes, expires_at, used_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ps.setString(1, code.codeHash());
    ps.setString(2, code.clientId());
    ps.setString(3, code.redirectUri());
    int next = SqliteRows.ROWS.bindGrant(ps, 4, code.grant());
    SqliteRows.ROWS.bindInstant(ps, next, code.expiresAt());
    SqliteRows.ROWS.bindInstant(ps, next + 1, code.usedAt());
    return ps.executeUpdate();
  }

  static Optional<AuthCodeRow> selectCode(SqlSession s, String codeHash) throws SQLException {
    PreparedStatement ps = s.prepare("SELECT * FROM auth_codes WHERE code_hash = ?");
    ps.setString(1, codeHash);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(SqliteRows.ROWS.code(rs)) : Optional.empty();
    }
  }

  /** Marks an unused code used; true if this call did it. */
  static boolean markCodeUsed(SqlSession s, String codeHash, Instant now) throws SQLException {
    return stamp(
            s,
            "UPDATE auth_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL",
            now,
            codeHash)
        == 1;
  }

  static int revokeFamily(SqlSession s, String codeHash, Instant now) throws SQLException {
    return stamp(
        s,
        "UPDATE refresh_tokens SET revoked_at = ? WHERE code_hash = ? AND revoked_at IS NULL",
        now,
        codeHash);
  }

  static Optional<RefreshTokenRow> selectRefresh(SqlSession s, String tokenHash)
      throws SQLException {
    PreparedStatement ps =
        s.prepare(
            "SELECT "
                + SqliteRows.REFRESH_COLUMNS
                + " FROM refresh_tokens r WHERE r.token_hash = ?");
    ps.setString(1, tokenHash);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(SqliteRows.ROWS.refresh(rs)) : Optional.empty();
    }
  }

  static Optional<AccessTokenRow.WithRefresh> selectAccess(SqlSession s, String tokenHash)
      throws SQLException {
    PreparedStatement ps =
        s.prepare(
            "SELECT a.expires_at AS access_expires_at, "
                + SqliteRows.REFRESH_COLUMNS
                + " FROM access_tokens a JOIN refresh_tokens r ON r.token_hash = a.refresh_hash"
                + " WHERE a.token_hash = ?");
    ps.setString(1, tokenHash);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      RefreshTokenRow refresh = SqliteRows.ROWS.refresh(rs);
      AccessTokenRow access =
          new AccessTokenRow(
              tokenHash, refresh.tokenHash(), SqliteRows.ROWS.instant(rs, "access_expires_at"));
      return Optional.of(new AccessTokenRow.WithRefresh(access, refresh));
    }
  }

  static void insertRefresh(SqlSession s, RefreshTokenRow row) throws SQLException {
    PreparedStatement ps =
        s.prepare(
            "INSERT INTO refresh_tokens (token_hash, client_id, hub_id, user_id, user_email,"
                + " hub_domain, scopes, code_hash, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ps.setString(1, row.tokenHash());
    ps.setString(2, row.clientId());
    int next = SqliteRows.ROWS.bindGrant(ps, 3, row.grant());
    ps.setString(next, row.codeHash());
    ps.setLong(next + 1, row.issuedAt().toEpochMilli());
    ps.executeUpdate();
  }

  static void insertAccess(SqlSession s, AccessTokenRow row) throws SQLException {
    PreparedStatement ps =
        s.prepare(
            "INSERT INTO access_tokens (token_hash, refresh_hash, expires_at) VALUES (?, ?, ?)");
    ps.setString(1, row.tokenHash());
    ps.setString(2, row.refreshHash());
    ps.setLong(3, row.expiresAt().toEpochMilli());
    ps.executeUpdate();
  }

  /** Marks an active refresh token rotated; true if this call did it. */
  static boolean markRotated(SqlSession s, String tokenHash, Instant now) throws SQLException {
    return stamp(
            s,
            "UPDATE refresh_tokens SET rotated_at = ? WHERE token_hash = ?"
                + " AND rotated_at IS NULL AND revoked_at IS NULL",
            now,
            tokenHash)
        == 1;
  }

  /** Revokes a refresh token; true if this call did it. */
  static boolean markRevoked(SqlSession s, String tokenHash, Instant now) throws SQLException {
    return stamp(
            s,
            "UPDATE refresh_tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL",
            now,
            tokenHash)
        == 1;
  }

  /** Runs {@code UPDATE ... SET <instant> = ? WHERE <hash> = ? ...}; returns the rows stamped. */
  private static int stamp(SqlSession s, String sql, Instant now, String hash) throws SQLException {
    PreparedStatement ps = s.prepare(sql);
    SqliteRows.ROWS.bindInstant(ps, 1, now);
    ps.setString(2, hash);
    return ps.executeUpdate();
  }
}
