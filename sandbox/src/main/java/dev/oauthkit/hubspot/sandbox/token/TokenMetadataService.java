package dev.oauthkit.hubspot.sandbox.token;

import dev.oauthkit.hubspot.sandbox.app.AppRegistry;
import dev.oauthkit.hubspot.sandbox.secret.Secrets;
import dev.oauthkit.hubspot.sandbox.store.AccessTokenRow;
import dev.oauthkit.hubspot.sandbox.store.AuthCodeRow;
import dev.oauthkit.hubspot.sandbox.store.RefreshTokenRow;
import dev.oauthkit.hubspot.sandbox.store.SandboxStore;
import dev.oauthkit.hubspot.sandbox.web.Errors;
import dev.oauthkit.hubspot.server.model.AccessTokenMetadata;
import dev.oauthkit.hubspot.server.model.RefreshTokenMetadata;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Token metadata and revocation. An access token is valid while unexpired and while its refresh
 * token is not revoked; a refresh token is valid while neither revoked nor rotated. Anything else
 * is 401. A rotated-out refresh token presented here revokes its whole family (RFC 9700 section
 * 4.14.2), as it does at the token endpoint and at introspection; its revocation answers 204.
 */
public final class TokenMetadataService {

  private final SandboxStore store;
  private final AccessTokens accessTokens;
  private final AppRegistry apps;
  private final Clock clock;

  private TokenMetadataService(
      SandboxStore store, AccessTokens accessTokens, AppRegistry apps, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.accessTokens = Objects.requireNonNull(accessTokens, "accessTokens");
    this.apps = Objects.requireNonNull(apps, "apps");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public static TokenMetadataService of(
      SandboxStore store, AccessTokens accessTokens, AppRegistry apps, Clock clock) {
    return new TokenMetadataService(store, accessTokens, apps, clock);
  }

  /** Metadata of a valid access token; {@code expires_in} is the whole seconds left, rounded up. */
  public AccessTokenMetadata access(String token) {
    AccessTokenRow.WithRefresh found = accessTokens.find(token).orElseThrow(Errors::invalidToken);
    Instant now = clock.instant();
    RefreshTokenRow refresh = found.refresh();
    if (refresh.revokedBy(now) || !now.isBefore(found.access().expiresAt())) {
      throw Errors.invalidToken();
    }
    long millisLeft = Duration.between(now, found.access().expiresAt()).toMillis();
    long secondsLeft = (millisLeft + 999) / 1000;
    long appId = apps.find(refresh.clientId()).orElseThrow(Errors::invalidToken).appId();
    AuthCodeRow.Grant grant = refresh.grant();
    AccessTokenMetadata body =
        new AccessTokenMetadata(
            token,
            Math.toIntExact(appId),
            Math.toIntExact(grant.hubId()),
            grant.scopes(),
            "access",
            Math.toIntExact(secondsLeft));
    body.setUserId(grant.userId() == null ? null : Math.toIntExact(grant.userId()));
    body.setUser(grant.user());
    body.setHubDomain(grant.hubDomain());
    return body;
  }

  /** Metadata of an active refresh token; a rotated-out one revokes its family and is 401. */
  public RefreshTokenMetadata refresh(String token) {
    String hash = Secrets.sha256Hex(token);
    RefreshTokenRow refresh = store.findRefreshToken(hash).orElseThrow(Errors::invalidToken);
    if (!refresh.active()) {
      if (refresh.revokedAt() == null) {
        store.revokeRefreshToken(hash, clock.instant());
      }
      throw Errors.invalidToken();
    }
    AuthCodeRow.Grant grant = refresh.grant();
    RefreshTokenMetadata body =
        new RefreshTokenMetadata(
            token, refresh.clientId(), Math.toIntExact(grant.hubId()), grant.scopes());
    body.setUserId(grant.userId() == null ? null : Math.toIntExact(grant.userId()));
    body.setUser(grant.user());
    return body;
  }

  /**
   * Revokes a refresh token with its family, so every access token issued from it: 204. That holds
   * for a rotated-out token too (its family is revoked, RFC 9700 section 4.14.2, which is what the
   * caller asked for). Unknown or already revoked: 401.
   */
  public void revoke(String token) {
    Instant now = clock.instant();
    boolean wasLive =
        store
            .revokeRefreshToken(Secrets.sha256Hex(token), now)
            .filter(row -> !row.revokedBy(now))
            .isPresent();
    if (!wasLive) {
      throw Errors.invalidToken();
    }
  }
}
