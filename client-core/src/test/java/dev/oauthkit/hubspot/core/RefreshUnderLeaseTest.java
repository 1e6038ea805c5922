package dev.oauthkit.hubspot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.oauthkit.hubspot.core.testing.MutableClock;
import dev.oauthkit.hubspot.core.testing.RecordingSleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * What the server answered is never lost to the store, a server's absurd lifetime does not break
 * the arithmetic, and the lease's holder starts no retry after its lease ended.
 */
class RefreshUnderLeaseTest {

  private static final OAuthCredentials CREDENTIALS =
      OAuthCredentials.of("client-id", "client-secret-value", "refresh-token-value");

  private final MutableClock clock = MutableClock.atFixedStart();
  private final RecordingSleeper sleeper = RecordingSleeper.advancing(clock);
  private final FakeTokenEndpoint endpoint = FakeTokenEndpoint.create();
  private final List<OAuthCredentials> rotations = new CopyOnWriteArrayList<>();

  private RefreshingAccessTokenProvider provider(TokenStore store) {
    return AccessTokenProvider.create(
        CREDENTIALS,
        endpoint,
        TokenProviderOptions.builder()
            .clock(clock)
            .sleeper(sleeper)
            .tokenStore(store)
            .retryPolicy(RetryPolicy.builder().maxAttempts(4).jitter(() -> 0.0).build())
            .refreshTokenListener(rotations::add)
            .build());
  }

  @Test
  void whenTheStoreFailsAfterTheServerRotatedTheTokenThenTheNewTokensAreKeptAndAnnounced() {
    endpoint.thenTokens("access-1", 1800, "rotated").thenTokens("access-2", 1800, "rotated-2");
    RefreshingAccessTokenProvider provider = provider(new FailingOnTokens(TokenStore.inMemory()));

    String token = provider.accessToken();

    assertThat(token).isEqualTo("access-1");
    assertThat(rotations)
        .extracting(c -> c.refreshToken().orElseThrow())
        .containsExactly("rotated");
    assertThat(provider.credentials().refreshToken()).contains("rotated");
    clock.advance(Duration.ofSeconds(1800));
    provider.accessToken();
    assertThat(endpoint.calls().get(1).refreshToken()).contains("rotated");
  }

  @Test
  void whenTheStoreFailsAsExchangedTokensAreInstalledThenTheyAreKeptAndAnnounced() {
    RefreshingAccessTokenProvider provider = provider(new FailingOnTokens(TokenStore.inMemory()));

    provider.install(TokenSet.of("from-code", Duration.ofSeconds(1800), "first-refresh"));

    assertThat(provider.accessToken()).isEqualTo("from-code");
    assertThat(rotations)
        .extracting(c -> c.refreshToken().orElseThrow())
        .containsExactly("first-refresh");
    assertThat(endpoint.calls()).isEmpty();
  }

  @Test
  void whenTheServerSendsAnAbsurdLifetimeThenTheTokenIsServedAndCountsAsAYear() {
    endpoint.thenTokens("long-lived", Long.MAX_VALUE, null);
    RefreshingAccessTokenProvider provider = provider(TokenStore.inMemory());

    assertThat(provider.accessToken()).isEqualTo("long-lived");

    clock.advance(TokenState.LONGEST_LIFETIME);
    endpoint.thenTokens("next", 1800, null);
    assertThat(provider.accessToken()).isEqualTo("next");
  }

  @Test
  void whenTheNextRetryWouldStartAfterTheLeaseEndedThenItIsNotMadeAndTheLastErrorIsThrown() {
    for (int i = 0; i < 4; i++) {
      endpoint.thenStatus(429, Duration.ofSeconds(120));
    }
    RefreshingAccessTokenProvider provider = provider(TokenStore.inMemory()); // lease 5 minutes

    HubSpotOAuthException e =
        catchThrowableOfType(HubSpotOAuthException.class, provider::accessToken);

    assertThat(e.httpStatus()).isEqualTo(429);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(120), Duration.ofSeconds(120));
    assertThat(endpoint.calls()).hasSize(3); // a fourth would have started 6 minutes in
  }

  /** A store that takes leases but fails to write tokens, as a database that just went down. */
  private record FailingOnTokens(TokenStore delegate) implements TokenStore {
    @Override
    public TokenState read() {
      return delegate.read();
    }

    @Override
    public boolean compareAndSet(TokenState expected, TokenState next) {
      if (next.accessToken().isPresent() && !next.equals(expected)) {
        throw new IllegalStateException("store unavailable");
      }
      return delegate.compareAndSet(expected, next);
    }
  }
}
