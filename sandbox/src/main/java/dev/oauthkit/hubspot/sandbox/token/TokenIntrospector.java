package dev.oauthkit.hubspot.sandbox.token;

import dev.oauthkit.hubspot.sandbox.secret.Secrets;
import dev.oauthkit.hubspot.sandbox.store.AccessTokenRow;
import dev.oauthkit.hubspot.sandbox.store.App;
import dev.oauthkit.hubspot.sandbox.store.AuthCodeRow;
import dev.oauthkit.hubspot.sandbox.store.RefreshTokenRow;
import dev.oauthkit.hubspot.sandbox.store.SandboxStore;
import dev.oauthkit.hubspot.server.dated.model.SignedAccessToken;
import dev.oauthkit.hubspot.server.dated.model.TokenIntrospection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Introspection and revocation as the date versions have them: the client authenticates with its id
 * and secret in the form. Introspection (RFC 7662) answers the record of an active access or
 * refresh token of that client, and {@code {"active": false}} for anything else (unknown, expired,
 * revoked, rotated out, another client's); a rotated-out refresh token of that client revokes its
 * family first, as at the token endpoint and the v1 metadata call (RFC 9700 section 4.14.2).
 * Revocation (RFC 7009) revokes the refresh token's grant, or the grant of an access token, and
 * succeeds for an unknown token too. Tokens are the same rows the v1 API reads, so either version
 * sees what the other issued or revoked.
 */
public final class TokenIntrospector {

  private final SandboxStore store;
  private final AccessTokens accessTokens;
  private final Clock clock;
  private final EarlyExpiry earlyExpiry;

  private TokenIntrospector(
      SandboxStore store, AccessTokens accessTokens, Clock clock, EarlyExpiry earlyExpiry) {
    this.store = Objects.requireNonNull(store, "store");
    this.accessTokens = Objects.requireNonNull(accessTokens, "accessTokens");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.earlyExpiry = Objects.requireNonNull(earlyExpiry, "earlyExpiry");
  }

  /** An introspector that also honours access tokens expired early through the admin API. */
  public static TokenIntrospector of(
      SandboxStore store, AccessTokens accessTokens, Clock clock, EarlyExpiry earlyExpiry) {
    return new TokenIntrospector(store, accessTokens, clock, earlyExpiry);
  }

  /** The token's record for the authenticated client, or the inactive answer. */
  public TokenIntrospection introspect(App client, String token) {
    String hash = Secrets.sha256Hex(token);
    Instant now = clock.instant();
    Optional<AccessTokenRow.WithRefresh> access = accessTokens.find(token);
    if (access.isPresent()) {
      return accessRecord(client, token, access.get(), now);
    }
    Optional<RefreshTokenRow> refresh =
        store.findRefreshToken(hash).filter(row -> row.clientId().equals(client.clientId()));
    if (refresh.isPresent() && refresh.get().rotatedAt() != null && !refresh.get().revokedBy(now)) {
      store.revokeRefreshToken(hash, now);
    }
    return refresh
        .filter(RefreshTokenRow::active)
        .map(row -> record(client, token, row.grant(), "refresh_token"))
        .orElseGet(TokenIntrospector::inactive);
  }

  /** Revokes the grant of a refresh or access token of the authenticated client; else nothing. */
  public void revoke(App client, String token) {
    String hash = Secrets.sha256Hex(token);
    Instant now = clock.instant();
    Optional<RefreshTokenRow> refresh = store.findRefreshToken(hash);
    if (refresh.isEmpty()) {
      refresh = accessTokens.find(token).map(AccessTokenRow.WithRefresh::refresh);
    }
    refresh
        .filter(row -> row.clientId().equals(client.clientId()))
        .ifPresent(row -> store.revokeRefreshToken(row.tokenHash(), now));
  }

  private TokenIntrospection accessRecord(
      App client, String token, AccessTokenRow.WithRefresh found, Instant now) {
    RefreshTokenRow refresh = found.refresh();
    Instant expiresAt = found.access().expiresAt();
    if (refresh.revokedBy(now)
        || !now.isBefore(expiresAt)
        || earlyExpiry.isExpired(token)
        || !refresh.clientId().equals(client.clientId())) {
      return inactive();
    }
    AuthCodeRow.Grant grant = refresh.grant();
    long secondsLeft = (Duration.between(now, expiresAt).toMillis() + 999) / 1000;
    TokenIntrospection record = record(client, token, grant, "access_token");
    record.setExpiresIn(secondsLeft);
    record.setIsPrivateDistribution(false);
    record.setSignedAccessToken(signed(client, grant, expiresAt));
    return record;
  }

  private static TokenIntrospection record(
      App client, String token, AuthCodeRow.Grant grant, String use) {
    TokenIntrospection record = new TokenIntrospection(true);
    record.setTokenUse(TokenIntrospection.TokenUseEnum.fromValue(use));
    record.setToken(token);
    record.setTokenType("bearer");
    record.setClientId(client.clientId());
    record.setAppId(client.appId());
    record.setHubId(grant.hubId());
    record.setUserId(grant.userId() == null ? 0L : grant.userId());
    record.setUser(grant.user());
    record.setHubDomain(grant.hubDomain());
    record.setScopes(grant.scopes());
    return record;
  }

  /** The claims HubSpot signs, as the sandbox knows them (signatures are placeholders). */
  private static SignedAccessToken signed(App client, AuthCodeRow.Grant grant, Instant expiresAt) {
    long userId = grant.userId() == null ? 0L : grant.userId();
    return new SignedAccessToken(
        client.appId(),
        client.appId() * 1000 + grant.hubId() % 1000,
        "sandbox",
        expiresAt.toEpochMilli(),
        grant.hubId(),
        "na1",
        userId,
        false,
        false,
        grant.userId() != null,
        "sandbox-signature",
        "",
        String.join(" ", grant.scopes()),
        "sandbox-signature",
        "",
        "",
        userId);
  }

  private static TokenIntrospection inactive() {
    return new TokenIntrospection(false);
  }
}
