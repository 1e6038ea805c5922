package dev.oauthkit.hubspot.feign.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.HubSpotOAuthException;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.TokenProviderOptions;
import dev.oauthkit.hubspot.core.TokenSet;
import dev.oauthkit.hubspot.core.testing.SpecExamples;
import feign.Feign;
import feign.FeignException;
import feign.RequestLine;
import feign.RequestTemplate;
import feign.Response;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HubSpotOAuthFeignClientTest {

  @RegisterExtension
  static final WireMockExtension HUBSPOT =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  private static final OAuthCredentials CREDENTIALS =
      OAuthCredentials.of("client-id", "feign-client-secret", "feign-refresh-token");
  private static final String METADATA_PATH = "/oauth/v1/refresh-tokens/feign-refresh-token";
  private static final String CONTACTS_PATH = "/crm/v3/objects/contacts";

  /** Another HubSpot API declared by an app, once decoded and once as the raw response. */
  interface ContactsApi {
    @RequestLine("GET " + CONTACTS_PATH)
    String list();

    @RequestLine("GET " + CONTACTS_PATH)
    Response raw();
  }

  private static HubSpotOAuthFeignClient.Builder client() {
    return HubSpotOAuthFeignClient.builder().baseUrl(HUBSPOT.baseUrl()).credentials(CREDENTIALS);
  }

  private static ContactsApi contacts(HubSpotOAuthFeignClient hubspot) {
    return Feign.builder()
        .requestInterceptor(hubspot.bearerInterceptor())
        .addCapability(hubspot.unauthorizedRetry())
        .target(ContactsApi.class, HUBSPOT.baseUrl());
  }

  private static void stubMetadata(String path) {
    HUBSPOT.stubFor(
        get(urlEqualTo(path))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(SpecExamples.json("RefreshTokenMetadataSuccessExample"))));
  }

  private static ResponseDefinitionBuilder tokenResponse(String accessToken) {
    ObjectNode body = (ObjectNode) SpecExamples.node("TokenResponseSuccessExample");
    body.put("access_token", accessToken);
    return aResponse().withHeader("Content-Type", "application/json").withBody(body.toString());
  }

  private static void stubTokens(String first, String second) {
    HUBSPOT.stubFor(
        post(urlEqualTo("/oauth/v1/token"))
            .inScenario("tokens")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("2")
            .willReturn(tokenResponse(first)));
    HUBSPOT.stubFor(
        post(urlEqualTo("/oauth/v1/token"))
            .inScenario("tokens")
            .whenScenarioStateIs("2")
            .willSetStateTo("3")
            .willReturn(tokenResponse(second)));
  }

  @Test
  void whenABaseClientAndUserAgentAreGivenThenBothApplyAndHeadersAreSentOnce() {
    stubMetadata(METADATA_PATH);
    OkHttpClient base =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain ->
                    chain.proceed(chain.request().newBuilder().header("X-App", "billing").build()))
            .build();

    client()
        .okHttpClient(base)
        .userAgent("billing/2.1")
        .build()
        .getRefreshTokenMetadata("feign-refresh-token");

    LoggedRequest request = HUBSPOT.findAll(getRequestedFor(urlEqualTo(METADATA_PATH))).get(0);
    assertThat(request.getHeaders().getHeader("User-Agent").values())
        .containsExactly("billing/2.1");
    assertThat(request.getHeaders().getHeader("Accept").values())
        .containsExactly("application/json");
    assertThat(request.getHeaders().getHeader("X-App").values()).containsExactly("billing");
  }

  @Test
  void whenNoUserAgentIsGivenThenTheDefaultIsSent() {
    stubMetadata(METADATA_PATH);

    client().build().getRefreshTokenMetadata("feign-refresh-token");

    assertThat(
            HUBSPOT
                .findAll(getRequestedFor(urlEqualTo(METADATA_PATH)))
                .get(0)
                .getHeaders()
                .getHeader("User-Agent")
                .values())
        .containsExactly(HubSpotOAuthFeignClient.DEFAULT_USER_AGENT);
  }

  @Test
  void whenTheBaseUrlHasAPathThenOperationsResolveBelowIt() {
    stubMetadata("/hubspot" + METADATA_PATH);

    HubSpotOAuthFeignClient.builder()
        .baseUrl(HUBSPOT.baseUrl() + "/hubspot")
        .credentials(CREDENTIALS)
        .build()
        .getRefreshTokenMetadata("feign-refresh-token");

    HUBSPOT.verify(1, getRequestedFor(urlEqualTo("/hubspot" + METADATA_PATH)));
  }

  @Test
  void whenATokenContainsASlashThenItStaysOnePathSegment() {
    stubMetadata("/oauth/v1/refresh-tokens/feign%2Frefresh");

    client().build().getRefreshTokenMetadata("feign/refresh");

    HUBSPOT.verify(1, getRequestedFor(urlEqualTo("/oauth/v1/refresh-tokens/feign%2Frefresh")));
  }

  @Test
  void whenTheServerIsSlowerThanTheReadTimeoutThenAnUncheckedIoExceptionIsThrown() {
    HUBSPOT.stubFor(get(urlEqualTo(METADATA_PATH)).willReturn(aResponse().withFixedDelay(2_000)));

    assertThatThrownBy(
            () ->
                client()
                    .readTimeout(Duration.ofMillis(100))
                    .connectTimeout(Duration.ofSeconds(5))
                    .build()
                    .getRefreshTokenMetadata("feign-refresh-token"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("getRefreshTokenMetadata failed: SocketTimeoutException")
        .hasCauseInstanceOf(SocketTimeoutException.class);
    HUBSPOT.verify(1, getRequestedFor(urlEqualTo(METADATA_PATH)));
  }

  @Test
  void whenTheBaseClientHasAReadTimeoutThenFeignKeepsIt() {
    HUBSPOT.stubFor(get(urlEqualTo(METADATA_PATH)).willReturn(aResponse().withFixedDelay(2_000)));
    OkHttpClient base = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(100)).build();

    assertThatThrownBy(
            () ->
                client().okHttpClient(base).build().getRefreshTokenMetadata("feign-refresh-token"))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(SocketTimeoutException.class);
  }

  @Test
  void whenTheBearerTokenCannotBeObtainedThenTheCallFailsAndIsNeverSent() {
    HUBSPOT.stubFor(
        post(urlEqualTo("/oauth/v1/token"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(SpecExamples.json("BadRefreshTokenErrorExample"))));
    ContactsApi contacts = contacts(client().build());

    assertThatThrownBy(contacts::list)
        .isInstanceOf(HubSpotOAuthException.class)
        .hasMessageNotContainingAny("feign-client-secret", "feign-refresh-token");
    HUBSPOT.verify(1, postRequestedFor(urlEqualTo("/oauth/v1/token")));
    assertThat(HUBSPOT.findAll(getRequestedFor(urlEqualTo(CONTACTS_PATH)))).isEmpty();
  }

  @Test
  void whenTheMethodReturnsTheRawResponseThenA401IsStillRefreshedAndRetriedOnce() {
    stubTokens("stale-access", "fresh-access");
    HUBSPOT.stubFor(
        get(urlEqualTo(CONTACTS_PATH))
            .withHeader("Authorization", equalTo("Bearer stale-access"))
            .willReturn(aResponse().withStatus(401)));
    HUBSPOT.stubFor(
        get(urlEqualTo(CONTACTS_PATH))
            .withHeader("Authorization", equalTo("Bearer fresh-access"))
            .willReturn(aResponse().withStatus(200).withBody("{}")));

    try (Response response = contacts(client().build()).raw()) {
      assertThat(response.status()).isEqualTo(200);
    }

    assertThat(HUBSPOT.findAll(getRequestedFor(urlEqualTo(CONTACTS_PATH))))
        .extracting(r -> r.getHeaders().getHeader("Authorization").values())
        .containsExactly(List.of("Bearer stale-access"), List.of("Bearer fresh-access"));
    HUBSPOT.verify(2, postRequestedFor(urlEqualTo("/oauth/v1/token")));
  }

  @Test
  void whenTheSecondAttemptIsAlso401ThenFeignSurfacesItAsUnauthorized() {
    stubTokens("stale-access", "fresh-access");
    HUBSPOT.stubFor(get(urlEqualTo(CONTACTS_PATH)).willReturn(aResponse().withStatus(401)));

    assertThatThrownBy(contacts(client().build())::list)
        .isInstanceOf(FeignException.Unauthorized.class);

    HUBSPOT.verify(2, getRequestedFor(urlEqualTo(CONTACTS_PATH)));
    HUBSPOT.verify(2, postRequestedFor(urlEqualTo("/oauth/v1/token")));
  }

  @Test
  void whenARequestCarriesNoBearerTokenThenA401PassesThroughWithoutARefresh() {
    HUBSPOT.stubFor(get(urlEqualTo(CONTACTS_PATH)).willReturn(aResponse().withStatus(401)));
    ContactsApi contacts =
        Feign.builder()
            .addCapability(client().build().unauthorizedRetry())
            .target(ContactsApi.class, HUBSPOT.baseUrl());

    try (Response response = contacts.raw()) {
      assertThat(response.status()).isEqualTo(401);
    }

    HUBSPOT.verify(1, getRequestedFor(urlEqualTo(CONTACTS_PATH)));
  }

  @Test
  void whenTheInterceptorRunsAgainOnATemplateThenAuthorizationIsStillSentOnce() {
    AccessTokenProvider provider = providerHolding("held-access");
    RequestTemplate template = new RequestTemplate().header("Authorization", "Basic old");

    BearerTokenInterceptor.create(provider).apply(template);
    BearerTokenInterceptor.create(provider).apply(template);

    assertThat(template.headers().get("Authorization")).containsExactly("Bearer held-access");
  }

  @Test
  void whenPrintedThenTheClientShowsItsBaseUrlAndNoSecret() {
    HubSpotOAuthFeignClient client =
        HubSpotOAuthFeignClient.builder().credentials(CREDENTIALS).build();
    AccessTokenProvider provider = providerHolding("printed-access");

    assertThat(
            List.of(
                client.toString(),
                BearerTokenInterceptor.create(provider).toString(),
                UnauthorizedRetry.create(provider).toString()))
        .allSatisfy(
            text ->
                assertThat(text)
                    .doesNotContain(
                        "feign-client-secret", "feign-refresh-token", "printed-access"));
    assertThat(client.toString()).contains("baseUrl=https://api.hubapi.com/");
  }

  @Test
  void whenArgumentsAreMissingOrInvalidThenTheMessageNamesThem() {
    HubSpotOAuthFeignClient.Builder builder = HubSpotOAuthFeignClient.builder();
    assertThatThrownBy(builder::build).hasMessage("credentials");
    assertThatThrownBy(() -> builder.credentials(null)).hasMessage("credentials");
    assertThatThrownBy(() -> builder.baseUrl(null)).hasMessage("baseUrl");
    assertThatThrownBy(() -> builder.baseUrl("ftp://example.com"))
        .hasMessage("baseUrl must be an absolute http(s) URL: ftp://example.com");
    assertThatThrownBy(() -> builder.userAgent(" ")).hasMessage("userAgent must not be blank");
    assertThatThrownBy(() -> builder.userAgent(null)).hasMessage("userAgent");
    assertThatThrownBy(() -> builder.okHttpClient(null)).hasMessage("okHttpClient");
    assertThatThrownBy(() -> builder.connectTimeout(null)).hasMessage("connectTimeout");
    assertThatThrownBy(() -> builder.readTimeout(null)).hasMessage("readTimeout");
    assertThatThrownBy(() -> builder.tokenProviderOptions(null)).hasMessage("options");
    assertThatThrownBy(() -> BearerTokenInterceptor.create(null)).hasMessage("provider");
    assertThatThrownBy(() -> UnauthorizedRetry.create(null)).hasMessage("provider");
    HubSpotOAuthFeignClient client = client().build();
    assertThatThrownBy(() -> client.unauthorizedRetry().enrich((feign.Client) null))
        .hasMessage("client");
    for (Runnable call :
        List.<Runnable>of(
            () -> client.exchangeAuthorizationCode(null, "https://a.example"),
            () -> client.refreshAccessToken(null),
            () -> client.getAccessTokenMetadata(null),
            () -> client.getRefreshTokenMetadata(null),
            () -> client.revokeRefreshToken(null))) {
      assertThatThrownBy(call::run)
          .isInstanceOf(NullPointerException.class)
          .hasMessageMatching("code|refreshToken|accessToken");
    }
    assertThatThrownBy(() -> client.exchangeAuthorizationCode("c", null)).hasMessage("redirectUri");
  }

  /** A provider that already holds {@code accessToken}; it never calls its endpoint. */
  private static AccessTokenProvider providerHolding(String accessToken) {
    AccessTokenProvider provider =
        AccessTokenProvider.create(
            CREDENTIALS,
            c -> {
              throw new AssertionError("no refresh expected");
            },
            TokenProviderOptions.defaults());
    provider.install(TokenSet.of(accessToken, Duration.ofHours(1), null));
    return provider;
  }
}
