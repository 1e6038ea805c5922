package dev.oauthkit.hubspot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthkit.hubspot.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Several instances of an app (here: providers) sharing one {@link TokenStore}. */
class SharedTokenStoreTest {

  private static final OAuthCredentials SEED =
      OAuthCredentials.of("client-id", "client-secret-value", "refresh-0");

  private final MutableClock clock = MutableClock.atFixedStart();
  private final TokenStore store = TokenStore.inMemory();
  private final RotatingHubSpot hubspot = new RotatingHubSpot();
  private final List<OAuthCredentials> rotations = new CopyOnWriteArrayList<>();

  /** HubSpot with rotation: each refresh revokes the refresh token it was sent. */
  static final class RotatingHubSpot implements TokenEndpoint {
    private final List<String> revokedTokensSent = new CopyOnWriteArrayList<>();
    private String valid = "refresh-0";
    private int refreshes;

    @Override
    public TokenSet refresh(OAuthCredentials credentials) {
      String sent = credentials.refreshToken().orElseThrow();
      synchronized (this) {
        if (!sent.equals(valid)) {
          revokedTokensSent.add(sent);
          throw HubSpotOAuthException.builder("createToken", 400).build();
        }
        refreshes++;
        valid = "refresh-" + refreshes;
      }
      pause(); // a slow answer, so the other instance asks meanwhile
      synchronized (this) {
        return TokenSet.of("access-" + refreshes, Duration.ofMinutes(30), valid);
      }
    }

    synchronized int refreshes() {
      return refreshes;
    }

    private static void pause() {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private RefreshingAccessTokenProvider instance(Sleeper sleeper) {
    return AccessTokenProvider.create(
        SEED,
        hubspot,
        TokenProviderOptions.builder()
            .clock(clock)
            .sleeper(sleeper)
            .tokenStore(store)
            .refreshTokenListener(rotations::add)
            .build());
  }

  private static Set<String> askConcurrently(List<AccessTokenProvider> instances, int threads)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        AccessTokenProvider instance = instances.get(i % instances.size());
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return instance.accessToken();
                }));
      }
      start.countDown();
      Set<String> tokens = ConcurrentHashMap.newKeySet();
      for (Future<String> answer : answers) {
        tokens.add(answer.get(30, TimeUnit.SECONDS));
      }
      return tokens;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void whenTwoInstancesShareAStoreUnderLoadThenTheyRefreshOnceAndHandOutOneToken()
      throws Exception {
    RefreshingAccessTokenProvider first = instance(Sleeper.system());
    RefreshingAccessTokenProvider second = instance(Sleeper.system());

    assertThat(askConcurrently(List.of(first, second), 32)).containsExactly("access-1");
    assertThat(hubspot.refreshes()).isEqualTo(1);

    // Within the 60 s margin both instances want a refresh: one makes it; until it lands, the
    // other hands out the stored token, still valid, instead of waiting.
    clock.advance(Duration.ofMinutes(29));
    assertThat(askConcurrently(List.of(first, second), 32))
        .contains("access-2")
        .isSubsetOf("access-1", "access-2");
    assertThat(hubspot.refreshes()).isEqualTo(2);
    assertThat(List.of(first.accessToken(), second.accessToken()))
        .containsExactly("access-2", "access-2");

    clock.advance(Duration.ofMinutes(29)); // now only the second instance asks
    assertThat(second.accessToken()).isEqualTo("access-3");
    clock.advance(Duration.ofMinutes(29));
    assertThat(first.accessToken()).isEqualTo("access-4");

    assertThat(hubspot.revokedTokensSent).isEmpty();
    assertThat(first.credentials().refreshToken()).contains("refresh-4");
    assertThat(second.credentials().refreshToken()).contains("refresh-3");
    assertThat(store.read().refreshToken()).contains("refresh-4");
    assertThat(rotations)
        .extracting(c -> c.refreshToken().orElseThrow())
        .containsExactly("refresh-1", "refresh-2", "refresh-3", "refresh-4");
  }

  @Test
  void whenAnotherInstanceHoldsTheLeaseThenTheStillValidTokenIsUsedWithoutARefresh() {
    Instant now = clock.instant();
    TokenState leasedByOther =
        TokenState.of(
            1,
            "access-held",
            now.minus(Duration.ofMinutes(29)),
            now.plus(Duration.ofMinutes(1)),
            "refresh-0",
            "other-instance",
            now.plus(Duration.ofMinutes(5)));
    assertThat(store.compareAndSet(TokenState.empty(), leasedByOther)).isTrue();

    assertThat(instance(duration -> clock.advance(duration)).accessToken())
        .isEqualTo("access-held");
    assertThat(hubspot.refreshes()).isZero();
  }

  @Test
  void whenTheOtherInstancesLeaseEndsThenThisOneTakesItOverAndRefreshes() {
    Instant now = clock.instant();
    TokenState expiredTokenLeased =
        TokenState.of(
            1,
            "access-expired",
            now.minus(Duration.ofMinutes(31)),
            now.minus(Duration.ofMinutes(1)),
            "refresh-0",
            "crashed-instance",
            now.plus(Duration.ofSeconds(2)));
    assertThat(store.compareAndSet(TokenState.empty(), expiredTokenLeased)).isTrue();
    List<Duration> waits = new CopyOnWriteArrayList<>();

    String token =
        instance(
                duration -> {
                  waits.add(duration);
                  clock.advance(duration);
                })
            .accessToken();

    assertThat(token).isEqualTo("access-1");
    assertThat(waits).hasSize(40).allMatch(Duration.ofMillis(50)::equals);
    assertThat(store.read().leaseOwner()).isEmpty();
    assertThat(store.read().accessToken()).contains("access-1");
  }

  @Test
  void whenARefreshFailsThenTheLeaseIsReleasedAndAnotherInstanceRefreshesAtOnce() {
    RefreshingAccessTokenProvider first =
        AccessTokenProvider.create(
            SEED,
            c -> {
              throw HubSpotOAuthException.builder("createToken", 400).build();
            },
            TokenProviderOptions.builder().clock(clock).tokenStore(store).build());

    assertThatThrownBy(first::accessToken).isInstanceOf(HubSpotOAuthException.class);

    assertThat(store.read().leaseOwner()).isEmpty();
    assertThat(instance(duration -> clock.advance(duration)).accessToken()).isEqualTo("access-1");
  }

  @Test
  void whenTokensAreInstalledThenAnotherInstanceUsesThemAndTheirRefreshToken() {
    instance(Sleeper.system())
        .install(TokenSet.of("access-installed", Duration.ofMinutes(30), "refresh-0"));
    RefreshingAccessTokenProvider second = instance(Sleeper.system());

    assertThat(second.accessToken()).isEqualTo("access-installed");
    clock.advance(Duration.ofMinutes(29));
    assertThat(second.accessToken()).isEqualTo("access-1");
    assertThat(hubspot.revokedTokensSent).isEmpty();
  }

  @Test
  void whenAClientCredentialsProviderIsCreatedThenItNeverUsesTheSharedStore() {
    AccessTokenProvider provider =
        AccessTokenProvider.clientCredentials(
            OAuthCredentials.of("client-id", "client-secret-value"),
            c -> TokenSet.of("app-token", Duration.ofMinutes(30), null),
            TokenProviderOptions.builder().clock(clock).tokenStore(store).build());

    assertThat(provider.accessToken()).isEqualTo("app-token");
    assertThat(store.read()).isEqualTo(TokenState.empty());
  }

  @Test
  void whenTheStoredVersionMovedOnThenCompareAndSetRefusesTheWrite() {
    TokenState first = TokenState.empty().withoutLease();
    assertThat(store.compareAndSet(TokenState.empty(), first)).isTrue();

    assertThat(store.compareAndSet(TokenState.empty(), first.withoutLease())).isFalse();
    assertThat(store.read().version()).isEqualTo(1);
  }

  @Test
  void whenAStateIsPrintedThenItShowsFingerprintsOnly() {
    TokenState state =
        TokenState.empty()
            .withTokens(
                TokenSet.of("secret-access", Duration.ofMinutes(30), "secret-refresh"),
                clock.instant());

    assertThat(state.toString())
        .doesNotContain("secret-access", "secret-refresh")
        .contains(Secrets.fingerprint("secret-access"), "version=1");
  }

  @Test
  void whenAStateIsInconsistentOrAnOptionMissingThenTheMessageNamesIt() {
    Instant now = clock.instant();
    assertThatThrownBy(() -> TokenState.of(-1, null, null, null, null, null, null))
        .hasMessageContaining("version");
    assertThatThrownBy(() -> TokenState.of(1, "a", null, now, null, null, null))
        .hasMessageContaining("accessToken, issuedAt and expiresAt");
    assertThatThrownBy(() -> TokenState.of(1, null, null, null, null, "owner", null))
        .hasMessageContaining("leaseOwner and leaseUntil");
    assertThatThrownBy(() -> TokenProviderOptions.builder().tokenStore(null))
        .hasMessage("tokenStore");
    assertThatThrownBy(() -> TokenProviderOptions.builder().storeLease(Duration.ZERO))
        .hasMessage("storeLease must be positive: PT0S");
  }
}
