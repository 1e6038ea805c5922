package dev.oauthkit.hubspot.sandbox.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An access token, keyed by the SHA-256 hex of the token. Everything but its expiry comes from the
 * refresh token it was issued with.
 *
 * @param tokenHash SHA-256 hex of the token
 * @param refreshHash SHA-256 hex of its refresh token
 * @param expiresAt when it expires
 */
public record AccessTokenRow(String tokenHash, String refreshHash, Instant expiresAt) {

  public AccessTokenRow {
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(refreshHash, "refreshHash");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    return "AccessTokenRow[fp=" + tokenHash.substring(0, 8) + "]";
  }

  /**
   * An access token read together with its refresh token.
   *
   * @param access the access token
   * @param refresh the refresh token it was issued with
   */
  public record WithRefresh(AccessTokenRow access, RefreshTokenRow refresh) {}
}
