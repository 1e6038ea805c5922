package dev.oauthkit.hubspot.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthkit.hubspot.client.model.AccessTokenMetadata;
import dev.oauthkit.hubspot.core.ApiVersion;
import dev.oauthkit.hubspot.core.HubSpotOAuthException;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.RetryPolicy;
import dev.oauthkit.hubspot.core.TokenProviderOptions;
import dev.oauthkit.hubspot.core.UserTokens;
import dev.oauthkit.hubspot.retrofit.client.HubSpotOAuthRetrofitClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The extension from a static field, WireMock-style, with the Retrofit client as a user's code
 * would call it. Refresh tokens rotate, so each refresh is counted by the client's listener.
 */
class SandboxExtensionIT {

  @RegisterExtension
  static HubSpotSandboxExtension sandbox =
      HubSpotSandboxExtension.builder().rotateRefreshTokens().build();

  private final AtomicInteger refreshes = new AtomicInteger();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @AfterEach
  void reset() {
    sandbox.reset();
  }

  @Test
  void whenStartedThenItIsReadyOnALocalFreePort() throws Exception {
    HttpResponse<String> health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/v1/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(sandbox.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+").doesNotEndWith(":8080");
    assertThat(health.statusCode()).isEqualTo(200);
    // v1, then every date version the sandbox's spec jar holds, oldest first.
    assertThat(health.body())
        .matches("\\{\"status\":\"UP\",\"api_versions\":\\[\"v1\"(,\"\\d{4}-\\d{2}\")+]}")
        .contains("\"v1\",\"2026-03\",\"2026-09\"");
  }

  @Test
  void whenACodeIsMintedThenTheClientExchangesItForTokensOfTheApp() {
    SandboxApp app = sandbox.app();
    HubSpotOAuthRetrofitClient client =
        client(OAuthCredentials.of(app.clientId(), app.clientSecret()));

    UserTokens tokens = client.exchangeAuthorizationCode(sandbox.mintCode(), app.redirectUri());
    AccessTokenMetadata metadata = client.getAccessTokenMetadata(tokens.accessToken());

    assertThat(metadata.getAppId()).isEqualTo((int) app.appId());
    assertThat(metadata.getHubId()).isEqualTo(62515);
    assertThat(metadata.getScopes()).containsExactlyElementsOf(app.scopes());
    assertThat(tokens.expiresIn()).isEqualTo(java.time.Duration.ofSeconds(1800));
  }

  @Test
  void whenTokensAreAskedForThenTheyAreAFreshValidPair() {
    SandboxApp app = sandbox.newApp();
    SandboxTokens tokens = sandbox.tokensFor(app);
    HubSpotOAuthRetrofitClient client = client(credentials(app, tokens));

    assertThat(app.clientId()).isNotEqualTo(sandbox.app().clientId());
    assertThat(tokens.expiresIn()).isEqualTo(Duration.ofMinutes(30));
    assertThat(client.getAccessTokenMetadata(tokens.accessToken()).getAppId())
        .isEqualTo((int) app.appId());
    assertThat(client.getRefreshTokenMetadata(tokens.refreshToken()).getClientId())
        .isEqualTo(app.clientId());
  }

  @Test
  void whenTokensAreMintedThenTheNewestApiVersionIssuesThemWithHubAndScopes() {
    SandboxTokens tokens = sandbox.tokensFor();

    assertThat(tokens.hubId()).isEqualTo(62515);
    assertThat(tokens.scopes()).containsExactlyInAnyOrderElementsOf(sandbox.app().scopes());
    sandbox.injectFault("createToken", 503);
    assertThatThrownBy(sandbox::tokensFor)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "POST /oauth/" + ApiVersion.newest().name() + "/token answered 503");
  }

  @Test
  void whenTheAccessTokenIsExpiredThenTheProviderRefreshesOnce() {
    SandboxTokens tokens = sandbox.tokensFor();
    HubSpotOAuthRetrofitClient client = client(credentials(sandbox.app(), tokens));
    String first = client.tokenProvider().accessToken();
    assertThat(client.getAccessTokenMetadata(first).getHubId()).isEqualTo(62515);

    sandbox.expireAccessToken(first);

    assertThatThrownBy(() -> client.getAccessTokenMetadata(first))
        .isInstanceOfSatisfying(
            HubSpotOAuthException.class, e -> assertThat(e.httpStatus()).isEqualTo(401));
    String second = client.tokenProvider().refreshAfterUnauthorized(first);
    String again = client.tokenProvider().refreshAfterUnauthorized(first);
    assertThat(second).isNotEqualTo(first).isEqualTo(again);
    assertThat(client.tokenProvider().accessToken()).isEqualTo(second);
    assertThat(client.getAccessTokenMetadata(second).getHubId()).isEqualTo(62515);
    assertThat(refreshes).hasValue(2); // the first accessToken(), then one after the 401
  }

  @Test
  void whenTheClockPassesTheLifetimeThenTheProviderRefreshesOnceAndTheOldTokenIs401() {
    SandboxTokens tokens = sandbox.tokensFor();
    HubSpotOAuthRetrofitClient client = client(credentials(sandbox.app(), tokens));
    String first = client.tokenProvider().accessToken();

    Instant now = sandbox.advanceClock(Duration.ofMinutes(31));
    String second = client.tokenProvider().accessToken();
    String third = client.tokenProvider().accessToken();

    assertThat(Duration.between(Instant.now(), now).toMinutes()).isBetween(30L, 31L);
    assertThat(second).isNotEqualTo(first).isEqualTo(third);
    assertThat(refreshes).hasValue(2);
    assertThatThrownBy(() -> client.getAccessTokenMetadata(first))
        .isInstanceOf(HubSpotOAuthException.class);
    assertThat(client.getAccessTokenMetadata(second).getExpiresIn()).isBetween(1790, 1800);
  }

  @Test
  void whenTheTokenEndpointFailsTwiceThenTheProviderRetriesAndSucceeds() {
    SandboxTokens tokens = sandbox.tokensFor();
    HubSpotOAuthRetrofitClient client = client(credentials(sandbox.app(), tokens));

    sandbox.injectFault("createOrRefreshAccessToken", 503, 2);
    String token = client.tokenProvider().accessToken();

    assertThat(sleeps).hasSize(2);
    assertThat(client.getAccessTokenMetadata(token).getHubId()).isEqualTo(62515);
    assertThat(refreshes).hasValue(1);
  }

  @Test
  void whenResetThenFaultsAreDisarmedAndTheClockIsBack() {
    sandbox.injectFault("getAccessTokenMetadata", 500, 10);
    sandbox.advanceClock(Duration.ofHours(2));

    sandbox.reset();

    HubSpotOAuthRetrofitClient client =
        client(OAuthCredentials.of(sandbox.app().clientId(), sandbox.app().clientSecret()));
    assertThat(client.getAccessTokenMetadata(sandbox.tokensFor().accessToken()).getExpiresIn())
        .isBetween(1790, 1800);
    assertThat(Duration.between(Instant.now(), sandbox.clock().instant()).abs())
        .isLessThan(Duration.ofMinutes(1));
  }

  @Test
  void whenTheAdminApiRefusesThenTheErrorSaysWhy() {
    assertThatThrownBy(() -> sandbox.expireAccessToken("not-a-token"))
        .hasMessageContaining("400")
        .hasMessageContaining("token is not a valid access token");
    assertThatThrownBy(() -> sandbox.injectFault("deleteEverything", 500))
        .hasMessageContaining("operation");
  }

  private static OAuthCredentials credentials(SandboxApp app, SandboxTokens tokens) {
    return OAuthCredentials.of(app.clientId(), app.clientSecret(), tokens.refreshToken());
  }

  private HubSpotOAuthRetrofitClient client(OAuthCredentials credentials) {
    return HubSpotOAuthRetrofitClient.builder()
        .apiVersion(ApiVersion.V1)
        .baseUrl(sandbox.baseUrl())
        .credentials(credentials)
        .tokenProviderOptions(
            TokenProviderOptions.builder()
                .clock(sandbox.clock())
                .sleeper(sleeps::add)
                .retryPolicy(RetryPolicy.builder().maxAttempts(4).build())
                .refreshTokenListener(c -> refreshes.incrementAndGet())
                .build())
        .build();
  }
}
