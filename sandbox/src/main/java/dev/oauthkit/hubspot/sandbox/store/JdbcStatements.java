package dev.oauthkit.hubspot.sandbox.store;

import static dev.oauthkit.hubspot.sandbox.store.SqlDialect.GRANT_COLUMNS;
import static dev.oauthkit.hubspot.sandbox.store.SqlDialect.REFRESH_COLUMNS;

import dev.oauthkit.hubspot.sandbox.secret.Secrets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The store's SQL, written once for SQLite and PostgreSQL: one method per statement, values bound
 * and read through the handle's {@link SqlDialect}. The claims ({@code ... AND used_at IS NULL})
 * are conditional updates, so of two callers only one changes the row: on SQLite because one thread
 * writes, on PostgreSQL because under READ COMMITTED the second update waits for the first to
 * commit and re-checks the condition.
 */
final class JdbcStatements {

  private static final String APP_COLUMNS =
      "app_id, client_id, secret_sha256, name, redirect_uris, scopes, optional_scopes,"
          + " client_credentials";
  private static final String CODE_COLUMNS =
      "code_hash, client_id, redirect_uri, "
          + GRANT_COLUMNS
          + ", expires_at, used_at, code_challenge";

  private static final String SELECT_APPS = "SELECT " + APP_COLUMNS + " FROM apps";
  private static final String SELECT_APP = SELECT_APPS + " WHERE client_id = ?";
  private static final String INSERT_APP =
      "INSERT INTO apps (" + APP_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_CODE =
      "INSERT INTO auth_codes (" + CODE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT_CODE =
      "SELECT " + CODE_COLUMNS + " FROM auth_codes WHERE code_hash = ?";
  private static final String CLAIM_CODE =
      "UPDATE auth_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL";

  /** Not yet revoked, or revoked ahead (a client-credentials grant, at its expiry): now. */
  private static final String REVOKE_FAMILY =
      "UPDATE refresh_tokens SET revoked_at = ? WHERE code_hash = ?"
          + " AND (revoked_at IS NULL OR revoked_at > ?)";

  private static final String SELECT_REFRESH =
      "SELECT " + REFRESH_COLUMNS + " FROM refresh_tokens r WHERE r.token_hash = ?";
  private static final String SELECT_ACCESS =
      "SELECT a.expires_at AS access_expires_at, "
          + REFRESH_COLUMNS
          + " FROM access_tokens a JOIN refresh_tokens r ON r.token_hash = a.refresh_hash"
          + " WHERE a.token_hash = ?";
  private static final String ANY_REFRESH = "SELECT 1 FROM refresh_tokens LIMIT 1";
  private static final String INSERT_REFRESH =
      "INSERT INTO refresh_tokens (token_hash, client_id, "
          + GRANT_COLUMNS
          + ", code_hash, issued_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_ACCESS =
      "INSERT INTO access_tokens (token_hash, refresh_hash, expires_at) VALUES (?, ?, ?)";
  private static final String ISSUE_ACCESS =
      "INSERT INTO access_tokens (token_hash, refresh_hash, expires_at)"
          + " SELECT ?, token_hash, ? FROM refresh_tokens WHERE token_hash = ? AND client_id = ?"
          + " AND rotated_at IS NULL AND revoked_at IS NULL";
  private static final String CLAIM_REFRESH =
      "UPDATE refresh_tokens SET rotated_at = ?, successor_seed = ? WHERE token_hash = ?"
          + " AND rotated_at IS NULL AND revoked_at IS NULL";

  private JdbcStatements() {}

  static List<App> selectApps(Sql s) throws SQLException {
    List<App> apps = new ArrayList<>();
    try (ResultSet rs = s.prepare(SELECT_APPS).executeQuery()) {
      while (rs.next()) {
        apps.add(s.dialect().app(rs));
      }
    }
    return apps;
  }

  static Optional<App> selectApp(Sql s, String clientId) throws SQLException {
    return selectOne(s, SELECT_APP, clientId, s.dialect()::app);
  }

  static Void insertApp(Sql s, App app) throws SQLException {
    PreparedStatement ps = s.prepare(INSERT_APP);
    ps.setLong(1, app.appId());
    ps.setString(2, app.clientId());
    ps.setString(3, Secrets.toHex(app.secretSha256()));
    ps.setString(4, app.name());
    s.dialect().bindList(ps, 5, app.redirectUris());
    s.dialect().bindList(ps, 6, app.scopes());
    s.dialect().bindList(ps, 7, app.optionalScopes());
    ps.setInt(8, app.clientCredentials() ? 1 : 0);
    ps.executeUpdate();
    return null;
  }

  static Void insertCode(Sql s, AuthCodeRow code) throws SQLException {
    PreparedStatement ps = s.prepare(INSERT_CODE);
    ps.setString(1, code.codeHash());
    ps.setString(2, code.clientId());
    ps.setString(3, code.redirectUri());
    int next = s.dialect().bindGrant(ps, 4, code.grant());
    s.dialect().bindInstant(ps, next, code.expiresAt());
    s.dialect().bindInstant(ps, next + 1, code.usedAt());
    ps.setString(next + 2, code.codeChallenge());
    ps.executeUpdate();
    return null;
  }

  static Optional<AuthCodeRow> selectCode(Sql s, String codeHash) throws SQLException {
    return selectOne(s, SELECT_CODE, codeHash, s.dialect()::code);
  }

  /** Marks an unused code used; true if this call did it. */
  static boolean claimCode(Sql s, String codeHash, Instant now) throws SQLException {
    return stamp(s, CLAIM_CODE, now, codeHash) == 1;
  }

  /**
   * Marks an active refresh token rotated, keeping its successor's seed; true if this call did it.
   */
  static boolean claimRefresh(Sql s, String tokenHash, Instant now, String successorSeed)
      throws SQLException {
    PreparedStatement ps = s.prepare(CLAIM_REFRESH);
    s.dialect().bindInstant(ps, 1, now);
    ps.setString(2, successorSeed);
    ps.setString(3, tokenHash);
    return ps.executeUpdate() == 1;
  }

  /**
   * Revokes every refresh token of a code's family; returns how many. Repeated until it finds none
   * left, so on PostgreSQL a token that a concurrent rotation inserted (invisible to the first
   * statement's snapshot) is revoked too.
   */
  static int revokeFamily(Sql s, String codeHash, Instant now) throws SQLException {
    PreparedStatement ps = s.prepare(REVOKE_FAMILY);
    s.dialect().bindInstant(ps, 1, now);
    ps.setString(2, codeHash);
    s.dialect().bindInstant(ps, 3, now);
    int total = 0;
    for (int revoked = ps.executeUpdate(); revoked > 0; revoked = ps.executeUpdate()) {
      total += revoked;
    }
    return total;
  }

  static Optional<RefreshTokenRow> selectRefresh(Sql s, String tokenHash) throws SQLException {
    return selectOne(s, SELECT_REFRESH, tokenHash, s.dialect()::refresh);
  }

  static boolean anyRefreshToken(Sql s) throws SQLException {
    try (ResultSet rs = s.prepare(ANY_REFRESH).executeQuery()) {
      return rs.next();
    }
  }

  static Optional<AccessTokenRow.WithRefresh> selectAccess(Sql s, String tokenHash)
      throws SQLException {
    return selectOne(
        s,
        SELECT_ACCESS,
        tokenHash,
        rs -> {
          RefreshTokenRow refresh = s.dialect().refresh(rs);
          Instant expiresAt = s.dialect().instant(rs, "access_expires_at");
          return new AccessTokenRow.WithRefresh(
              new AccessTokenRow(tokenHash, refresh.tokenHash(), expiresAt), refresh);
        });
  }

  static void insertRefresh(Sql s, RefreshTokenRow row) throws SQLException {
    PreparedStatement ps = s.prepare(INSERT_REFRESH);
    ps.setString(1, row.tokenHash());
    ps.setString(2, row.clientId());
    int next = s.dialect().bindGrant(ps, 3, row.grant());
    ps.setString(next, row.codeHash());
    s.dialect().bindInstant(ps, next + 1, row.issuedAt());
    s.dialect().bindInstant(ps, next + 2, row.revokedAt());
    ps.executeUpdate();
  }

  static void insertAccess(Sql s, AccessTokenRow row) throws SQLException {
    PreparedStatement ps = s.prepare(INSERT_ACCESS);
    ps.setString(1, row.tokenHash());
    ps.setString(2, row.refreshHash());
    s.dialect().bindInstant(ps, 3, row.expiresAt());
    ps.executeUpdate();
  }

  /** Inserts an access token if its refresh token is active and the client's; true if it did. */
  static boolean issueAccess(Sql s, String clientId, AccessTokenRow row) throws SQLException {
    PreparedStatement ps = s.prepare(ISSUE_ACCESS);
    ps.setString(1, row.tokenHash());
    s.dialect().bindInstant(ps, 2, row.expiresAt());
    ps.setString(3, row.refreshHash());
    ps.setString(4, clientId);
    return ps.executeUpdate() == 1;
  }

  /** Deletes at most {@code limit} rows that {@code purge} may delete by {@code now}. */
  static int purge(Sql s, Purge purge, Instant now, int limit) throws SQLException {
    PreparedStatement ps = s.prepare(purge.sql + s.dialect().claimBatch() + ")");
    s.dialect().bindInstant(ps, 1, purge.cutoff(now));
    ps.setInt(2, limit);
    return ps.executeUpdate();
  }

  /** Runs a query by one key; maps its row, if any. */
  private static <T> Optional<T> selectOne(Sql s, String sql, String key, Row<T> row)
      throws SQLException {
    PreparedStatement ps = s.prepare(sql);
    ps.setString(1, key);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(row.map(rs)) : Optional.empty();
    }
  }

  /** Runs {@code UPDATE ... SET <instant> = ? WHERE <hash> = ? ...}; returns the rows stamped. */
  private static int stamp(Sql s, String sql, Instant now, String hash) throws SQLException {
    PreparedStatement ps = s.prepare(sql);
    s.dialect().bindInstant(ps, 1, now);
    ps.setString(2, hash);
    return ps.executeUpdate();
  }

  /** Maps the current row of a result. */
  @FunctionalInterface
  private interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /**
   * What the purge deletes, one bounded {@code DELETE} each (rules: {@link SandboxStore#purge}).
   */
  enum Purge {
    EXPIRED_ACCESS_TOKENS(
        "DELETE FROM access_tokens WHERE token_hash IN (SELECT token_hash FROM access_tokens"
            + " WHERE expires_at <= ? LIMIT ?"),
    EXPIRED_CODES(
        "DELETE FROM auth_codes WHERE code_hash IN (SELECT code_hash FROM auth_codes"
            + " WHERE expires_at <= ? LIMIT ?"),
    REVOKED_REFRESH_TOKENS(
        "DELETE FROM refresh_tokens WHERE token_hash IN (SELECT token_hash FROM refresh_tokens"
            + " WHERE revoked_at <= ? LIMIT ?");

    private final String sql;

    Purge(String sql) {
      this.sql = sql;
    }

    /** Rows whose instant is at or before this go. */
    Instant cutoff(Instant now) {
      return this == EXPIRED_CODES ? now.minus(SandboxStore.EXPIRED_CODES_KEPT) : now;
    }
  }
}
