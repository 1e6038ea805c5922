package dev.oauthkit.hubspot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.oauthkit.hubspot.core.testing.LogCapture;
import dev.oauthkit.hubspot.core.testing.MutableClock;
import dev.oauthkit.hubspot.core.testing.RecordingSleeper;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessTokenProviderTest {

  private static final OAuthCredentials CREDENTIALS =
      OAuthCredentials.of("client-id", "client-secret-value", "refresh-token-value");

  private final MutableClock clock = MutableClock.atFixedStart();
  private final RecordingSleeper sleeper = RecordingSleeper.advancing(clock);
  private final FakeTokenEndpoint endpoint = FakeTokenEndpoint.create();
  private final List<OAuthCredentials> rotations = new CopyOnWriteArrayList<>();

  private RefreshingAccessTokenProvider provider(RetryPolicy retryPolicy) {
    return AccessTokenProvider.create(
        CREDENTIALS,
        endpoint,
        TokenProviderOptions.builder()
            .clock(clock)
            .sleeper(sleeper)
            .refreshMargin(Duration.ofSeconds(60))
            .retryPolicy(retryPolicy)
            .refreshTokenListener(rotations::add)
            .build());
  }

  private RefreshingAccessTokenProvider provider() {
    return provider(
        RetryPolicy.builder()
            .maxAttempts(4)
            .initialBackoff(Duration.ofSeconds(1))
            .jitter(() -> 0.0)
            .build());
  }

  @Test
  void whenTheTokenIsFreshThenItIsServedFromTheCache() {
    endpoint.thenTokens("access-1", 1800, "refresh-token-value");
    RefreshingAccessTokenProvider provider = provider();

    assertThat(provider.accessToken()).isEqualTo("access-1");
    clock.advance(Duration.ofSeconds(1739));
    assertThat(provider.accessToken()).isEqualTo("access-1");

    assertThat(endpoint.calls()).hasSize(1);
  }

  @Test
  void whenTheTokenIsWithinTheMarginOfExpiryThenItIsRefreshed() {
    endpoint.thenTokens("access-1", 1800, null).thenTokens("access-2", 1800, null);
    RefreshingAccessTokenProvider provider = provider();

    provider.accessToken();
    clock.advance(Duration.ofSeconds(1740));

    assertThat(provider.accessToken()).isEqualTo("access-2");
    assertThat(endpoint.calls()).hasSize(2);
  }

  @Test
  void whenTheTokenLivesShorterThanTwiceTheMarginThenItIsRefreshedAtHalfLife() {
    endpoint.thenTokens("short-1", 100, null).thenTokens("short-2", 100, null);
    RefreshingAccessTokenProvider provider = provider();

    provider.accessToken();
    clock.advance(Duration.ofSeconds(49));
    assertThat(provider.accessToken()).isEqualTo("short-1");
    clock.advance(Duration.ofSeconds(1));

    assertThat(provider.accessToken()).isEqualTo("short-2");
  }

  @Test
  void whenIoErrorsAnd5xxOccurThenItRetriesWithExponentialBackoff() {
    endpoint.thenIoError().thenStatus(503, null).thenStatus(500, null).thenTokens("ok", 1800, null);

    assertThat(provider().accessToken()).isEqualTo("ok");

    assertThat(sleeper.sleeps())
        .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(endpoint.calls()).hasSize(4);
  }

  @Test
  void whenTheServerSendsRetryAfterThenThatDelayIsUsed() {
    endpoint.thenStatus(429, Duration.ofSeconds(42)).thenTokens("ok", 1800, null);

    assertThat(provider().accessToken()).isEqualTo("ok");

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(42));
  }

  @Test
  void whenRetryAfterExceedsTheLimitThenItGivesUp() {
    endpoint.thenStatus(429, Duration.ofSeconds(121));

    HubSpotOAuthException e =
        catchThrowableOfType(HubSpotOAuthException.class, provider()::accessToken);

    assertThat(e.httpStatus()).isEqualTo(429);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404})
  void whenTheServerRejectsTheRequestThenItIsNotRetried(int status) {
    endpoint.thenStatus(status, null);

    HubSpotOAuthException e =
        catchThrowableOfType(HubSpotOAuthException.class, provider()::accessToken);

    assertThat(e.httpStatus()).isEqualTo(status);
    assertThat(endpoint.calls()).hasSize(1);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void whenTheRetryPredicateRejectsAFailureThenItIsThrownAtOnce() {
    endpoint.thenStatus(503, null).thenIoError();
    RefreshingAccessTokenProvider provider =
        provider(RetryPolicy.builder().shouldRetry(e -> false).jitter(() -> 0.0).build());

    HubSpotOAuthException e =
        catchThrowableOfType(HubSpotOAuthException.class, provider::accessToken);
    assertThatThrownBy(provider::accessToken)
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("token refresh failed after 1 attempt(s): IOException");

    assertThat(e.httpStatus()).isEqualTo(503);
    assertThat(endpoint.calls()).hasSize(2);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void whenTheRetryPredicateAcceptsA409ThenItIsRetriedWithBackoff() {
    endpoint.thenStatus(409, null).thenTokens("after-conflict", 1800, null);
    RefreshingAccessTokenProvider provider =
        provider(
            RetryPolicy.builder()
                .shouldRetry(
                    e ->
                        RetryPolicy.transientFailure(e)
                            || (e instanceof HubSpotOAuthException h && h.httpStatus() == 409))
                .initialBackoff(Duration.ofSeconds(1))
                .jitter(() -> 0.0)
                .build());

    assertThat(provider.accessToken()).isEqualTo("after-conflict");

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void whenEveryAttemptFailsWithIoThenAnUncheckedIoExceptionReportsTheAttempts() {
    endpoint.thenIoError().thenIoError();
    RefreshingAccessTokenProvider provider =
        provider(RetryPolicy.builder().maxAttempts(2).jitter(() -> 0.0).build());

    assertThatThrownBy(provider::accessToken)
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("token refresh failed after 2 attempt(s): IOException");
    assertThat(endpoint.calls()).hasSize(2);
  }

  @Test
  void whenEveryAttemptFailsWith5xxThenTheLastErrorIsThrown() {
    endpoint.thenStatus(500, null).thenStatus(502, null);
    RefreshingAccessTokenProvider provider =
        provider(RetryPolicy.builder().maxAttempts(2).jitter(() -> 0.0).build());

    HubSpotOAuthException e =
        catchThrowableOfType(HubSpotOAuthException.class, provider::accessToken);

    assertThat(e.httpStatus()).isEqualTo(502);
    assertThat(sleeper.sleeps()).hasSize(1);
  }

  @Test
  void whenTheRefreshTokenIsRotatedThenTheListenerGetsItAndItIsSentNext() {
    endpoint.thenTokens("access-1", 1800, "rotated").thenTokens("access-2", 1800, "rotated");
    RefreshingAccessTokenProvider provider = provider();

    provider.accessToken();
    clock.advance(Duration.ofSeconds(1800));
    provider.accessToken();

    assertThat(rotations).hasSize(1);
    assertThat(rotations.get(0).refreshToken()).contains("rotated");
    assertThat(rotations.get(0).clientSecret()).isEqualTo("client-secret-value");
    assertThat(endpoint.calls().get(1).refreshToken()).contains("rotated");
    assertThat(provider.credentials().refreshToken()).contains("rotated");
  }

  @Test
  void whenTheFirstRefreshTokenArrivesThenTheListenerGetsItAndNoRotationIsLogged() {
    RefreshingAccessTokenProvider provider =
        AccessTokenProvider.create(
            OAuthCredentials.of("client-id", "client-secret-value"),
            endpoint,
            TokenProviderOptions.builder()
                .clock(clock)
                .refreshTokenListener(rotations::add)
                .build());

    try (LogCapture logs = LogCapture.start()) {
      provider.install(TokenSet.of("access-1", Duration.ofMinutes(30), "first-refresh"));

      assertThat(logs.lines()).noneSatisfy(line -> assertThat(line).contains("rotated"));
      assertThat(logs.lines())
          .singleElement()
          .satisfies(
              line ->
                  assertThat(line)
                      .contains("refresh token received: " + Secrets.fingerprint("first-refresh"))
                      .doesNotContain("first-refresh"));
    }
    assertThat(rotations)
        .singleElement()
        .satisfies(c -> assertThat(c.refreshToken()).contains("first-refresh"));
  }

  @Test
  void whenTheRefreshTokenReallyRotatesThenOneLineLogsBothFingerprints() {
    endpoint.thenTokens("access-1", 1800, "rotated");

    try (LogCapture logs = LogCapture.start()) {
      provider().accessToken();

      assertThat(logs.lines())
          .filteredOn(line -> line.contains("rotated"))
          .singleElement()
          .satisfies(
              line ->
                  assertThat(line)
                      .contains(
                          "refresh token rotated: "
                              + Secrets.fingerprint("refresh-token-value")
                              + " -> "
                              + Secrets.fingerprint("rotated")));
    }
  }

  @Test
  void whenTheServerReturnsTheSameRefreshTokenThenTheListenerIsNotCalled() {
    endpoint.thenTokens("access-1", 1800, "refresh-token-value");

    provider().accessToken();

    assertThat(rotations).isEmpty();
  }

  @Test
  void whenTheListenerThrowsThenTheNewTokenIsStillUsed() {
    endpoint.thenTokens("access-1", 1800, "rotated");
    RefreshingAccessTokenProvider provider =
        AccessTokenProvider.create(
            CREDENTIALS,
            endpoint,
            TokenProviderOptions.builder()
                .clock(clock)
                .refreshTokenListener(
                    c -> {
                      throw new IllegalStateException("database down");
                    })
                .build());

    assertThat(provider.accessToken()).isEqualTo("access-1");
    assertThat(provider.credentials().refreshToken()).contains("rotated");
  }

  @Test
  void whenRefreshIsForcedThenANewTokenIsFetchedAtOnce() {
    endpoint.thenTokens("access-1", 1800, null).thenTokens("access-2", 1800, null);
    RefreshingAccessTokenProvider provider = provider();
    provider.accessToken();

    assertThat(provider.forceRefresh()).isEqualTo("access-2");
    assertThat(provider.accessToken()).isEqualTo("access-2");
  }

  @Test
  void whenInvalidatedThenTheNextCallRefreshes() {
    endpoint.thenTokens("access-1", 1800, null).thenTokens("access-2", 1800, null);
    RefreshingAccessTokenProvider provider = provider();
    provider.accessToken();

    provider.invalidate();

    assertThat(provider.accessToken()).isEqualTo("access-2");
  }

  @Test
  void whenA401NamesAnAlreadyReplacedTokenThenNoRefreshIsMade() {
    endpoint.thenTokens("access-1", 1800, null).thenTokens("access-2", 1800, null);
    RefreshingAccessTokenProvider provider = provider();
    provider.accessToken();

    assertThat(provider.refreshAfterUnauthorized("access-1")).isEqualTo("access-2");
    assertThat(provider.refreshAfterUnauthorized("access-1")).isEqualTo("access-2");

    assertThat(endpoint.calls()).hasSize(2);
  }

  @Test
  void whenTokensAreInstalledThenTheyAreServedWithoutARefresh() {
    RefreshingAccessTokenProvider provider =
        AccessTokenProvider.create(
            OAuthCredentials.of("client-id", "client-secret-value"),
            endpoint,
            TokenProviderOptions.builder()
                .clock(clock)
                .refreshTokenListener(rotations::add)
                .build());

    provider.install(TokenSet.of("installed", Duration.ofSeconds(1800), "first-refresh"));

    assertThat(provider.accessToken()).isEqualTo("installed");
    assertThat(endpoint.calls()).isEmpty();
    assertThat(rotations)
        .singleElement()
        .satisfies(c -> assertThat(c.refreshToken()).contains("first-refresh"));
  }

  @Test
  void whenThereIsNoRefreshTokenThenTheErrorSaysHowToGetOne() {
    RefreshingAccessTokenProvider provider =
        AccessTokenProvider.create(
            OAuthCredentials.of("client-id", "client-secret-value"),
            endpoint,
            TokenProviderOptions.defaults());

    assertThatThrownBy(provider::accessToken)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "no refresh token: set HUBSPOT_REFRESH_TOKEN or exchange an authorization code first");
    assertThat(endpoint.calls()).isEmpty();
  }

  @Test
  void whenClientCredentialsAreUsedThenNoRefreshTokenIsNeededAndANewTokenComesWithinTheMargin() {
    endpoint
        .thenTokens("cc-1", 1800, null)
        .thenStatus(503, null)
        .thenTokens("cc-2", 1800, "ignored");
    RefreshingAccessTokenProvider provider =
        AccessTokenProvider.clientCredentials(
            OAuthCredentials.of("client-id", "client-secret-value"),
            endpoint,
            TokenProviderOptions.builder()
                .clock(clock)
                .sleeper(sleeper)
                .refreshMargin(Duration.ofSeconds(60))
                .refreshTokenListener(rotations::add)
                .build());

    assertThat(provider.accessToken()).isEqualTo("cc-1");
    clock.advance(Duration.ofSeconds(1739));
    assertThat(provider.accessToken()).isEqualTo("cc-1");
    clock.advance(Duration.ofSeconds(2));
    assertThat(provider.accessToken()).isEqualTo("cc-2");

    assertThat(endpoint.calls()).hasSize(3).allSatisfy(c -> assertThat(c.refreshToken()).isEmpty());
    assertThat(sleeper.sleeps()).hasSize(1);
    assertThat(rotations).isEmpty();
    assertThat(provider.credentials().refreshToken()).isEmpty();
  }

  @Test
  void whenSixtyFourThreadsAskAtOnceThenExactlyOneRefreshIsMade() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    endpoint.thenTokens("shared", 1800, null).blockingUntil(gate);
    RefreshingAccessTokenProvider provider = provider();
    int threads = 64;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  return provider.accessToken();
                }));
      }
      assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
      gate.countDown();
      for (Future<String> future : futures) {
        assertThat(future.get(30, TimeUnit.SECONDS)).isEqualTo("shared");
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(endpoint.calls()).hasSize(1);
  }

  @Test
  void whenARefreshFailsThenTheNextCallStartsANewOne() {
    endpoint.thenStatus(400, null).thenTokens("later", 1800, null);
    RefreshingAccessTokenProvider provider = provider();

    assertThatThrownBy(provider::accessToken).isInstanceOf(HubSpotOAuthException.class);

    assertThat(provider.accessToken()).isEqualTo("later");
    assertThat(endpoint.calls()).hasSize(2);
  }

  @Test
  void whenTokensRotateAndRefreshesFailThenNoSecretIsLoggedOrPrinted() {
    endpoint
        .thenStatus(503, null)
        .thenTokens("access-secret-1", 1800, "rotated-secret")
        .thenStatus(400, null);
    List<String> texts = new ArrayList<>();
    try (LogCapture logs = LogCapture.start()) {
      RefreshingAccessTokenProvider provider = provider();
      provider.accessToken();
      clock.advance(Duration.ofSeconds(1800));
      texts.add(
          catchThrowableOfType(HubSpotOAuthException.class, provider::accessToken).getMessage());
      texts.add(provider.toString());
      texts.addAll(logs.lines());
      assertThat(logs.lines())
          .anySatisfy(
              l ->
                  assertThat(l)
                      .contains(
                          "refresh token rotated: " + Secrets.fingerprint("refresh-token-value")))
          .anySatisfy(l -> assertThat(l).contains("token refresh attempt 1 failed (HTTP 503)"))
          .anySatisfy(l -> assertThat(l).contains("access token refreshed"));
    }

    assertThat(texts)
        .allSatisfy(
            t ->
                assertThat(t)
                    .doesNotContain(
                        "client-secret-value",
                        "refresh-token-value",
                        "access-secret-1",
                        "rotated-secret"));
  }

  @Test
  void whenArgumentsAreMissingThenTheMessageNamesThem() {
    TokenProviderOptions options = TokenProviderOptions.defaults();
    assertThatThrownBy(() -> AccessTokenProvider.create(null, endpoint, options))
        .hasMessage("credentials");
    assertThatThrownBy(() -> AccessTokenProvider.create(CREDENTIALS, null, options))
        .hasMessage("endpoint");
    assertThatThrownBy(() -> AccessTokenProvider.create(CREDENTIALS, endpoint, null))
        .hasMessage("options");
    assertThatThrownBy(() -> provider().refreshAfterUnauthorized(null)).hasMessage("rejectedToken");
    assertThatThrownBy(() -> provider().install(null)).hasMessage("tokens");
  }
}
