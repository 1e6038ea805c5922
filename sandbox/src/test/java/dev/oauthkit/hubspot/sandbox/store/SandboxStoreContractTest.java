package dev.oauthkit.hubspot.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.sandbox.testing.TestApps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The same behaviour from every store. Each kind extends this suite: {@link
 * MemoryStoreContractTest}, {@link SqliteStoreContractTest} and {@link PostgresStoreContractTest}.
 */
abstract class SandboxStoreContractTest {

  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  static final AuthCodeRow.Grant GRANT =
      new AuthCodeRow.Grant(62515, 7L, "u@example.com", "d.hubspot.test", List.of("oauth"));
  private static final int RACERS = 8;
  private static final int EXPIRED_CODES = 5_000;

  /** A new, empty store of this kind. Called once per test. */
  abstract SandboxStore newStore();

  /**
   * Another handle on the same data, as a second sandbox would open it; kinds that cannot be shared
   * return {@code store} itself. The caller closes it if it is not {@code store}.
   */
  SandboxStore sameData(SandboxStore store) {
    return store;
  }

  @Test
  void whenCodeIsRedeemedTwiceThenOnlyTheFirstSucceeds() {
    try (SandboxStore store = newStore()) {
      store.insertCode(code("c1"));

      assertThat(store.redeemCode("c1", NOW, refresh("r1", "c1"), access("a1", "r1"))).isTrue();
      assertThat(store.redeemCode("c1", NOW, refresh("r2", "c1"), access("a2", "r2"))).isFalse();
      assertThat(store.findCode("c1").orElseThrow().usedAt()).isEqualTo(NOW);
      assertThat(store.findRefreshToken("r2")).isEmpty();
      assertThat(store.findAccessToken("a1").orElseThrow().refresh().tokenHash()).isEqualTo("r1");
    }
  }

  @Test
  void whenARefreshTokenIsStoredThenTheStoreSaysItHoldsRefreshTokens() {
    try (SandboxStore store = newStore()) {
      store.insertCode(code("c1"));
      assertThat(store.hasRefreshTokens()).isFalse();

      store.redeemCode("c1", NOW, refresh("r1", "c1"), access("a1", "r1"));

      assertThat(store.hasRefreshTokens()).isTrue();
    }
  }

  @Test
  void whenCodeIsStoredThenEveryFieldIsReadBack() {
    try (SandboxStore store = newStore()) {
      AuthCodeRow code = code("c1");
      store.insertCode(code);

      AuthCodeRow read = store.findCode("c1").orElseThrow();
      assertThat(read).usingRecursiveComparison().isEqualTo(code);
      assertThat(store.findCode("other")).isEmpty();
    }
  }

  @Test
  void whenACodeCarriesAPkceChallengeThenItIsReadBack() {
    try (SandboxStore store = newStore()) {
      AuthCodeRow code =
          new AuthCodeRow(
              "c1", "client-a", "https://a.example/cb", GRANT, NOW.plusSeconds(600), null, "ch");
      store.insertCode(code);

      assertThat(store.findCode("c1").orElseThrow().codeChallenge()).isEqualTo("ch");
    }
  }

  @Test
  void whenAClientCredentialsGrantIsStoredThenItsTokenLivesUntilExpiryAndIsPurgedThen() {
    try (SandboxStore store = newStore()) {
      Instant expiry = NOW.plusSeconds(1800);
      RefreshTokenRow grant = refresh("g1", "client_credentials:g1").revokedAt(expiry);
      store.insertGrant(grant, new AccessTokenRow("a1", "g1", expiry));

      AccessTokenRow.WithRefresh found = store.findAccessToken("a1").orElseThrow();
      assertThat(found.refresh().revokedBy(NOW)).isFalse();
      assertThat(found.refresh().revokedBy(expiry)).isTrue();
      assertThat(found.refresh().active()).isFalse();
      store.purge(NOW);
      assertThat(store.findAccessToken("a1")).isPresent();
      store.purge(expiry);
      assertThat(store.findAccessToken("a1")).isEmpty();
      assertThat(store.findRefreshToken("g1")).isEmpty();
    }
  }

  @Test
  void whenAClientCredentialsGrantIsRevokedThenItIsRevokedNowNotAtExpiry() {
    try (SandboxStore store = newStore()) {
      Instant expiry = NOW.plusSeconds(1800);
      RefreshTokenRow grant = refresh("g1", "client_credentials:g1").revokedAt(expiry);
      store.insertGrant(grant, new AccessTokenRow("a1", "g1", expiry));

      assertThat(store.revokeRefreshToken("g1", NOW))
          .hasValueSatisfying(r -> assertThat(r.revokedAt()).isEqualTo(expiry));

      RefreshTokenRow revoked = store.findAccessToken("a1").orElseThrow().refresh();
      assertThat(revoked.revokedAt()).isEqualTo(NOW);
      assertThat(revoked.revokedBy(NOW)).isTrue();
      assertThat(store.revokeRefreshToken("g1", NOW.plusSeconds(1)).orElseThrow().revokedAt())
          .isEqualTo(NOW);
    }
  }

  @Test
  void whenCodeFamilyIsRevokedThenEveryRefreshTokenOfItIsRevoked() {
    try (SandboxStore store = newStore()) {
      store.insertCode(code("c1"));
      store.redeemCode("c1", NOW, refresh("r1", "c1"), access("a1", "r1"));
      store.rotateRefreshToken("r1", NOW, "seed-r1", refresh("r2", "c1"), access("a2", "r2"));

      assertThat(store.revokeCodeFamily("c1", NOW)).isEqualTo(2);
      assertThat(store.findRefreshToken("r2").orElseThrow().revokedAt()).isEqualTo(NOW);
      assertThat(store.findAccessToken("a2").orElseThrow().refresh().revokedAt()).isEqualTo(NOW);
    }
  }

  @Test
  void whenRotatingARotatedTokenThenNothingIsStored() {
    try (SandboxStore store = newStore()) {
      store.insertCode(code("c1"));
      store.redeemCode("c1", NOW, refresh("r1", "c1"), access("a1", "r1"));

      assertThat(
              store.rotateRefreshToken(
                  "r1", NOW, "seed-r1", refresh("r2", "c1"), access("a2", "r2")))
          .isTrue();
      assertThat(
              store.rotateRefreshToken(
                  "r1", NOW, "seed-r1", refresh("r3", "c1"), access("a3", "r3")))
          .isFalse();
      RefreshTokenRow rotated = store.findRefreshToken("r1").orElseThrow();
      assertThat(rotated.active()).isFalse();
      assertThat(rotated.rotatedAt()).isEqualTo(NOW);
      assertThat(rotated.successorSeed()).isEqualTo("seed-r1");
      assertThat(store.findRefreshToken("r2").orElseThrow().successorSeed()).isNull();
      assertThat(store.findRefreshToken("r3")).isEmpty();
    }
  }

  @Test
  void whenRevokingThenOnlyTheFirstRevocationCounts() {
    try (SandboxStore store = newStore()) {
      store.insertCode(code("c1"));
      store.redeemCode("c1", NOW, refresh("r1", "c1"), access("a1", "r1"));
      store.issueAccessToken("client-a", access("a2", "r1"));

      assertThat(store.revokeRefreshToken("r1", NOW)).hasValueSatisfying(r -> active(r, true));
      assertThat(store.revokeRefreshToken("r1", NOW)).hasValueSatisfying(r -> active(r, false));
      assertThat(store.revokeRefreshToken("unknown", NOW)).isEmpty();
      assertThat(store.findAccessToken("a2").orElseThrow().refresh().revokedAt()).isEqualTo(NOW);
    }
  }

  @Test
  void whenAccessTokenIsIssuedThenOnlyAnActiveRefreshTokenOfTheSameClientAllowsIt() {
    try (SandboxStore store = newStore()) {
      store.insertCode(code("c1"));
      store.redeemCode("c1", NOW, refresh("r1", "c1"), access("a1", "r1"));

      assertThat(store.issueAccessToken("client-a", access("a2", "r1"))).isTrue();
      assertThat(store.issueAccessToken("client-b", access("a3", "r1"))).isFalse();
      assertThat(store.issueAccessToken("client-a", access("a4", "unknown"))).isFalse();
      store.rotateRefreshToken("r1", NOW, "seed-r1", refresh("r2", "c1"), access("a5", "r2"));
      assertThat(store.issueAccessToken("client-a", access("a6", "r1"))).isFalse();
      store.revokeRefreshToken("r2", NOW);
      assertThat(store.issueAccessToken("client-a", access("a7", "r2"))).isFalse();

      assertThat(store.findAccessToken("a2")).isPresent();
      for (String refused : List.of("a3", "a4", "a6", "a7")) {
        assertThat(store.findAccessToken(refused)).isEmpty();
      }
    }
  }

  @Test
  void whenARotatedOutTokenIsRevokedThenItsWholeFamilyIsRevokedAndNoOtherFamily() {
    try (SandboxStore store = newStore()) {
      store.insertCode(code("c1"));
      store.insertCode(code("c2"));
      store.redeemCode("c1", NOW, refresh("r1", "c1"), access("a1", "r1"));
      store.rotateRefreshToken("r1", NOW, "seed-r1", refresh("r2", "c1"), access("a2", "r2"));
      store.rotateRefreshToken("r2", NOW, "seed-r2", refresh("r3", "c1"), access("a3", "r3"));
      store.redeemCode("c2", NOW, refresh("o1", "c2"), access("b1", "o1"));

      assertThat(store.revokeRefreshToken("r1", NOW))
          .hasValueSatisfying(r -> assertThat(r.rotatedAt()).isEqualTo(NOW));

      for (String token : List.of("r1", "r2", "r3")) {
        assertThat(store.findRefreshToken(token).orElseThrow().revokedAt()).isEqualTo(NOW);
      }
      assertThat(store.findAccessToken("a3").orElseThrow().refresh().revokedAt()).isEqualTo(NOW);
      assertThat(store.findRefreshToken("o1").orElseThrow().active()).isTrue();
      assertThat(
              store.rotateRefreshToken(
                  "r3", NOW, "seed-r3", refresh("r4", "c1"), access("a4", "r4")))
          .isFalse();
    }
  }

  @Test
  void whenPurgingThenExpiredCodesAndAccessTokensAndRevokedRefreshTokensGoAndLiveRowsStay()
      throws Exception {
    try (SandboxStore store = newStore()) {
      Instant later = NOW.plus(Duration.ofDays(1));
      inParallel(EXPIRED_CODES, i -> store.insertCode(code("old" + i)));
      store.insertCode(codeExpiringAt("recent", later.minusSeconds(60)));
      store.insertCode(code("c1"));
      store.redeemCode("c1", NOW, refresh("r1", "c1"), access("a1", "r1"));
      AccessTokenRow live = new AccessTokenRow("a2", "r2", later.plusSeconds(1800));
      store.rotateRefreshToken("r1", NOW, "seed-r1", refresh("r2", "c1"), live);
      store.insertCode(code("c2"));
      store.redeemCode("c2", NOW, refresh("r3", "c2"), access("a3", "r3"));
      store.revokeRefreshToken("r3", NOW);

      // The old codes, c1 and c2; the access tokens a1 and a3; the revoked refresh token r3.
      assertThat(store.purge(later)).isEqualTo(EXPIRED_CODES + 2 + 2 + 1);

      assertThat(store.purge(later)).isZero();
      assertThat(store.findCode("old0")).isEmpty();
      assertThat(store.findCode("old" + (EXPIRED_CODES - 1))).isEmpty();
      assertThat(store.findCode("recent")).isPresent();
      assertThat(store.findAccessToken("a1")).isEmpty();
      assertThat(store.findAccessToken("a3")).isEmpty();
      assertThat(store.findRefreshToken("r3")).isEmpty();
      assertThat(store.findAccessToken("a2").orElseThrow().refresh().active()).isTrue();
      // The rotated-out r1 stays while its family lives, so presenting it still revokes r2.
      assertThat(store.revokeRefreshToken("r1", later)).isPresent();
      assertThat(store.findRefreshToken("r2").orElseThrow().revokedAt()).isEqualTo(later);
    }
  }

  @Test
  void whenCodeExpiredLessThanTheKeepingTimeAgoThenThePurgeKeepsIt() {
    try (SandboxStore store = newStore()) {
      store.insertCode(code("c1"));
      Instant expiry = code("c1").expiresAt();

      assertThat(store.purge(expiry.plus(SandboxStore.EXPIRED_CODES_KEPT).minusMillis(1))).isZero();
      assertThat(store.purge(expiry.plus(SandboxStore.EXPIRED_CODES_KEPT))).isEqualTo(1);
    }
  }

  @Test
  void whenAppIsStoredThenItIsLoadedWithEveryField() {
    try (SandboxStore store = newStore()) {
      App app =
          TestApps.app()
              .redirectUri("https://a.example/cb")
              .redirectUri("https://b.example/cb")
              .build();
      store.insertApp(app);

      App loaded = store.loadApps().get(0);
      assertThat(loaded.appId()).isEqualTo(app.appId());
      assertThat(loaded.clientId()).isEqualTo(app.clientId());
      assertThat(loaded.secretSha256()).isEqualTo(app.secretSha256());
      assertThat(loaded.name()).isEqualTo(app.name());
      assertThat(loaded.redirectUris()).isEqualTo(app.redirectUris());
      assertThat(loaded.scopes()).isEqualTo(app.scopes());
      assertThat(loaded.optionalScopes()).isEqualTo(app.optionalScopes());
      assertThat(loaded.clientCredentials()).isFalse();
      App machine = TestApps.app().clientId("machine").appId(99).clientCredentials(true).build();
      store.insertApp(machine);
      assertThat(store.findApp("machine").orElseThrow().clientCredentials()).isTrue();
    }
  }

  @Test
  void whenAppIsStoredThroughOneHandleThenAnotherFindsItByClientId() {
    try (SandboxStore store = newStore();
        Closer second = new Closer(store, sameData(store))) {
      store.insertApp(TestApps.app().clientId("client-b").optionalScopes().build());

      App found = second.store().findApp("client-b").orElseThrow();
      assertThat(found.optionalScopes()).isEmpty();
      assertThat(second.store().findApp("client-unknown")).isEmpty();
      assertThat(second.store().findApp(null)).isEmpty();
    }
  }

  @Test
  void whenOneCodeIsRedeemedByManyCallersAtOnceThenExactlyOneSucceeds() throws Exception {
    try (SandboxStore store = newStore();
        Closer second = new Closer(store, sameData(store))) {
      store.insertCode(code("c1"));

      List<Boolean> results =
          race(
              i ->
                  () ->
                      (i % 2 == 0 ? store : second.store())
                          .redeemCode("c1", NOW, refresh("r" + i, "c1"), access("a" + i, "r" + i)));

      assertThat(results).containsOnlyOnce(true);
      int winner = results.indexOf(true);
      assertThat(second.store().findAccessToken("a" + winner)).isPresent();
      for (int i = 0; i < RACERS; i++) {
        if (i != winner) {
          assertThat(store.findRefreshToken("r" + i)).isEmpty();
        }
      }
    }
  }

  @Test
  void whenOneRefreshTokenIsRotatedByManyCallersAtOnceThenExactlyOneSucceeds() throws Exception {
    try (SandboxStore store = newStore();
        Closer second = new Closer(store, sameData(store))) {
      store.insertCode(code("c1"));
      store.redeemCode("c1", NOW, refresh("r0", "c1"), access("a0", "r0"));

      List<Boolean> results =
          race(
              i ->
                  () ->
                      (i % 2 == 0 ? store : second.store())
                          .rotateRefreshToken(
                              "r0",
                              NOW,
                              "seed-" + i,
                              refresh("n" + i, "c1"),
                              access("b" + i, "n" + i)));

      assertThat(results).containsOnlyOnce(true);
      assertThat(second.store().findRefreshToken("n" + results.indexOf(true))).isPresent();
      assertThat(second.store().findRefreshToken("r0").orElseThrow().successorSeed())
          .isEqualTo("seed-" + results.indexOf(true));
    }
  }

  /** Runs {@value #RACERS} calls released at once; returns their results in call order. */
  private static List<Boolean> race(IntFunction<Callable<Boolean>> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(RACERS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> futures = new ArrayList<>();
      for (int i = 0; i < RACERS; i++) {
        Callable<Boolean> work = call.apply(i);
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return work.call();
                }));
      }
      start.countDown();
      List<Boolean> results = new ArrayList<>();
      for (Future<Boolean> future : futures) {
        results.add(future.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  static AuthCodeRow code(String hash) {
    return codeExpiringAt(hash, NOW.plusSeconds(600));
  }

  static AuthCodeRow codeExpiringAt(String hash, Instant expiresAt) {
    return new AuthCodeRow(hash, "client-a", TestApps.REDIRECT_URI, GRANT, expiresAt, null);
  }

  private static void active(RefreshTokenRow row, boolean active) {
    assertThat(row.active()).isEqualTo(active);
  }

  /** Runs {@code count} calls on a few threads, so a group-commit store batches them. */
  private static void inParallel(int count, IntConsumer call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(RACERS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(pool.submit(() -> call.accept(index)));
      }
      for (Future<?> future : futures) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static RefreshTokenRow refresh(String hash, String codeHash) {
    return RefreshTokenRow.issued(hash, "client-a", GRANT, codeHash, NOW);
  }

  static AccessTokenRow access(String hash, String refreshHash) {
    return new AccessTokenRow(hash, refreshHash, NOW.plusSeconds(1800));
  }

  /** Closes a second handle unless it is the first store itself. */
  private record Closer(SandboxStore first, SandboxStore store) implements AutoCloseable {
    @Override
    public void close() {
      if (store != first) {
        store.close();
      }
    }
  }
}
