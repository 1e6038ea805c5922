package dev.oauthkit.hubspot.sandbox.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A store in memory ({@code --store=memory}): fast, for tests; everything is gone at exit. Compound
 * operations are synchronized so they are atomic, like a transaction.
 */
public final class MemoryStore implements SandboxStore {

  private final Map<String, App> apps = new ConcurrentHashMap<>();
  private final Map<String, AuthCodeRow> codes = new ConcurrentHashMap<>();
  private final Map<String, RefreshTokenRow> refreshTokens = new ConcurrentHashMap<>();
  private final Map<String, AccessTokenRow> accessTokens = new ConcurrentHashMap<>();

  private MemoryStore() {}

  /** An empty store. */
  public static MemoryStore create() {
    return new MemoryStore();
  }

  @Override
  public List<App> loadApps() {
    return new ArrayList<>(apps.values());
  }

  @Override
  public Optional<App> findApp(String clientId) {
    return clientId == null ? Optional.empty() : Optional.ofNullable(apps.get(clientId));
  }

  @Override
  public void insertApp(App app) {
    Objects.requireNonNull(app, "app");
    if (apps.putIfAbsent(app.clientId(), app) != null) {
      throw new StoreException("duplicate client_id", null);
    }
  }

  @Override
  public void insertCode(AuthCodeRow code) {
    Objects.requireNonNull(code, "code");
    codes.put(code.codeHash(), code);
  }

  @Override
  public Optional<AuthCodeRow> findCode(String codeHash) {
    return Optional.ofNullable(codes.get(codeHash));
  }

  @Override
  public synchronized void insertGrant(RefreshTokenRow grant, AccessTokenRow access) {
    refreshTokens.put(grant.tokenHash(), grant);
    accessTokens.put(access.tokenHash(), access);
  }

  @Override
  public synchronized boolean redeemCode(
      String codeHash, Instant now, RefreshTokenRow refresh, AccessTokenRow access) {
    AuthCodeRow code = codes.get(codeHash);
    if (code == null || code.usedAt() != null) {
      return false;
    }
    codes.put(codeHash, code.usedAt(now));
    refreshTokens.put(refresh.tokenHash(), refresh);
    accessTokens.put(access.tokenHash(), access);
    return true;
  }

  @Override
  public synchronized int revokeCodeFamily(String codeHash, Instant now) {
    Objects.requireNonNull(codeHash, "codeHash");
    int revoked = 0;
    for (RefreshTokenRow row : refreshTokens.values()) {
      if (row.codeHash().equals(codeHash) && !row.revokedBy(now)) {
        refreshTokens.put(row.tokenHash(), row.revokedAt(now));
        revoked++;
      }
    }
    return revoked;
  }

  @Override
  public Optional<RefreshTokenRow> findRefreshToken(String tokenHash) {
    return Optional.ofNullable(refreshTokens.get(tokenHash));
  }

  @Override
  public boolean hasRefreshTokens() {
    return !refreshTokens.isEmpty();
  }

  @Override
  public Optional<AccessTokenRow.WithRefresh> findAccessToken(String tokenHash) {
    AccessTokenRow access = accessTokens.get(tokenHash);
    if (access == null) {
      return Optional.empty();
    }
    RefreshTokenRow refresh = refreshTokens.get(access.refreshHash());
    return Optional.ofNullable(refresh).map(r -> new AccessTokenRow.WithRefresh(access, r));
  }

  /**
   * Not synchronized (the hot path): a revocation racing it can only leave an access token whose
   * refresh token is revoked, which is invalid anyway.
   */
  @Override
  public boolean issueAccessToken(String clientId, AccessTokenRow access) {
    Objects.requireNonNull(access, "access");
    RefreshTokenRow refresh = refreshTokens.get(access.refreshHash());
    if (refresh == null || !refresh.active() || !refresh.clientId().equals(clientId)) {
      return false;
    }
    accessTokens.put(access.tokenHash(), access);
    return true;
  }

  @Override
  public synchronized boolean rotateRefreshToken(
      String oldHash,
      Instant now,
      String successorSeed,
      RefreshTokenRow next,
      AccessTokenRow access) {
    RefreshTokenRow old = refreshTokens.get(oldHash);
    if (old == null || !old.active()) {
      return false;
    }
    refreshTokens.put(oldHash, old.rotated(now, successorSeed));
    refreshTokens.put(next.tokenHash(), next);
    accessTokens.put(access.tokenHash(), access);
    return true;
  }

  @Override
  public synchronized Optional<RefreshTokenRow> revokeRefreshToken(String tokenHash, Instant now) {
    RefreshTokenRow row = refreshTokens.get(tokenHash);
    if (row != null && !row.revokedBy(now)) {
      revokeCodeFamily(row.codeHash(), now);
    }
    return Optional.ofNullable(row);
  }

  @Override
  public synchronized int purge(Instant now) {
    int before = accessTokens.size() + codes.size() + refreshTokens.size();
    accessTokens.values().removeIf(row -> !row.expiresAt().isAfter(now));
    Instant codesBefore = now.minus(EXPIRED_CODES_KEPT);
    codes.values().removeIf(row -> !row.expiresAt().isAfter(codesBefore));
    refreshTokens
        .values()
        .removeIf(row -> row.revokedAt() != null && !row.revokedAt().isAfter(now));
    return before - accessTokens.size() - codes.size() - refreshTokens.size();
  }

  @Override
  public String kind() {
    return "memory";
  }

  @Override
  public void close() {
    // nothing to release
  }
}
