package dev.oauthkit.hubspot.sandbox.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A refresh token, keyed by the SHA-256 hex of the token. Access tokens point to the refresh token
 * they came from, so revoking it revokes them too.
 *
 * @param tokenHash SHA-256 hex of the token
 * @param clientId the app it belongs to
 * @param grant who approved which scopes
 * @param codeHash the code this token's family started from (revoked together on code reuse)
 * @param issuedAt when it was issued
 * @param rotatedAt when a rotating refresh replaced it (its access tokens stay valid), or null
 * @param revokedAt when it was revoked (its access tokens die with it), or null
 * @param successorSeed set by the rotation that replaced it: the random seed from which, with this
 *     token's value, its successor's value is derived (so a retry within the reuse grace gets the
 *     same successor, see {@code RefreshTokenGrant}); null before rotation
 */
public record RefreshTokenRow(
    String tokenHash,
    String clientId,
    AuthCodeRow.Grant grant,
    String codeHash,
    Instant issuedAt,
    Instant rotatedAt,
    Instant revokedAt,
    String successorSeed) {

  public RefreshTokenRow {
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(grant, "grant");
    Objects.requireNonNull(codeHash, "codeHash");
    Objects.requireNonNull(issuedAt, "issuedAt");
  }

  /** A fresh, active refresh token. */
  public static RefreshTokenRow issued(
      String tokenHash, String clientId, AuthCodeRow.Grant grant, String codeHash, Instant now) {
    return new RefreshTokenRow(tokenHash, clientId, grant, codeHash, now, null, null, null);
  }

  /**
   * Whether it is revoked at {@code now} (a client-credentials grant is revoked ahead, at expiry).
   */
  public boolean revokedBy(Instant now) {
    return revokedAt != null && !now.isBefore(revokedAt);
  }

  /** Whether it can still be used for a refresh grant. */
  public boolean active() {
    return rotatedAt == null && revokedAt == null;
  }

  /** This token, replaced at {@code when} by the successor derived from {@code seed}. */
  public RefreshTokenRow rotated(Instant when, String seed) {
    return new RefreshTokenRow(
        tokenHash, clientId, grant, codeHash, issuedAt, when, revokedAt, seed);
  }

  public RefreshTokenRow revokedAt(Instant when) {
    return new RefreshTokenRow(
        tokenHash, clientId, grant, codeHash, issuedAt, rotatedAt, when, successorSeed);
  }

  @Override
  public String toString() {
    return "RefreshTokenRow[fp=" + tokenHash.substring(0, 8) + ", clientId=" + clientId + "]";
  }
}
