package dev.oauthkit.hubspot.feign.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.AllowedHosts;
import dev.oauthkit.hubspot.core.ApiVersion;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.RefreshingAccessTokenProvider;
import dev.oauthkit.hubspot.core.TokenProviderOptions;
import dev.oauthkit.hubspot.core.TokenSet;
import dev.oauthkit.hubspot.core.testing.SpecExamples;
import dev.oauthkit.hubspot.core.testing.WireMockHubSpot;
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

/**
 * What only the Feign facade has: a base client's timeouts surviving Feign's own, the {@link
 * UnauthorizedRetry} capability with raw responses and a second 401, and the interceptor on a
 * reused template. The shared builder options and behaviour are in {@link FeignClientContractTest}.
 */
class HubSpotOAuthFeignClientTest {

  @RegisterExtension static final WireMockExtension HUBSPOT = WireMockHubSpot.strict();

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
    return HubSpotOAuthFeignClient.builder()
        .apiVersion(ApiVersion.V1)
        .baseUrl(HUBSPOT.baseUrl())
        .credentials(CREDENTIALS);
  }

  private static ContactsApi contacts(HubSpotOAuthFeignClient hubspot) {
    return contacts(hubspot, HUBSPOT.baseUrl());
  }

  private static ContactsApi contacts(HubSpotOAuthFeignClient hubspot, String url) {
    return Feign.builder()
        .requestInterceptor(hubspot.bearerInterceptor())
        .addCapability(hubspot.unauthorizedRetry())
        .target(ContactsApi.class, url);
  }

  /** The Authorization values of each contacts request, in order; empty when none was sent. */
  private static List<List<String>> authorizationSent() {
    return HUBSPOT.findAll(getRequestedFor(urlEqualTo(CONTACTS_PATH))).stream()
        .map(r -> r.getHeaders().getHeader("Authorization"))
        .map(header -> header.isPresent() ? header.values() : List.<String>of())
        .toList();
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
    RefreshingAccessTokenProvider provider =
        AccessTokenProvider.create(
            CREDENTIALS,
            c -> {
              throw new AssertionError("no refresh expected");
            },
            TokenProviderOptions.defaults());
    provider.install(TokenSet.of("held-access", Duration.ofHours(1), null));
    RequestTemplate template =
        new RequestTemplate().target("https://api.hubapi.com").header("Authorization", "Basic old");
    AllowedHosts hosts = AllowedHosts.of("api.hubapi.com");

    BearerTokenInterceptor.create(provider, hosts).apply(template);
    BearerTokenInterceptor.create(provider, hosts).apply(template);

    assertThat(template.headers().get("Authorization")).containsExactly("Bearer held-access");
  }

  @Test
  void whenTheHostIsNotAllowedThenTheRequestCarriesNoTokenAndAnAllowedOneDoes() {
    stubTokens("held-access", "unused-access");
    HUBSPOT.stubFor(get(urlEqualTo(CONTACTS_PATH)).willReturn(aResponse().withBody("\"ok\"")));
    HubSpotOAuthFeignClient hubspot = client().build(); // base URL host: localhost

    contacts(hubspot, HUBSPOT.baseUrl().replace("localhost", "127.0.0.1")).list();
    HUBSPOT.verify(0, postRequestedFor(urlEqualTo("/oauth/v1/token")));
    contacts(hubspot, HUBSPOT.baseUrl()).list();

    assertThat(authorizationSent()).containsExactly(List.of(), List.of("Bearer held-access"));
    HUBSPOT.verify(1, postRequestedFor(urlEqualTo("/oauth/v1/token")));
  }

  @Test
  void whenAHostThatIsNotAllowedAnswers401ThenNoTokenIsRefreshedOrSent() {
    HUBSPOT.stubFor(get(urlEqualTo(CONTACTS_PATH)).willReturn(aResponse().withStatus(401)));
    HubSpotOAuthFeignClient hubspot = client().build();
    ContactsApi contacts =
        Feign.builder()
            .requestInterceptor(template -> template.header("Authorization", "Bearer own-token"))
            .requestInterceptor(hubspot.bearerInterceptor())
            .addCapability(hubspot.unauthorizedRetry())
            .target(ContactsApi.class, HUBSPOT.baseUrl().replace("localhost", "127.0.0.1"));

    try (Response response = contacts.raw()) {
      assertThat(response.status()).isEqualTo(401);
    }

    assertThat(HUBSPOT.findAll(getRequestedFor(urlEqualTo(CONTACTS_PATH))))
        .extracting(r -> r.getHeaders().getHeader("Authorization").values())
        .containsExactly(List.of("Bearer own-token"));
    HUBSPOT.verify(0, postRequestedFor(urlEqualTo("/oauth/v1/token")));
  }

  @Test
  void whenAllowedHostsAreSetOnTheBuilderThenTheTokenGoesToThoseHostsOnly() {
    stubTokens("held-access", "unused-access");
    HUBSPOT.stubFor(get(urlEqualTo(CONTACTS_PATH)).willReturn(aResponse().withBody("\"ok\"")));
    HubSpotOAuthFeignClient hubspot =
        client().allowedHosts(AllowedHosts.of("127.0.0.1")).build(); // base URL: localhost

    contacts(hubspot, HUBSPOT.baseUrl()).list();
    contacts(hubspot, HUBSPOT.baseUrl().replace("localhost", "127.0.0.1")).list();

    assertThat(authorizationSent()).containsExactly(List.of(), List.of("Bearer held-access"));
  }

  @Test
  void whenFeignOnlyArgumentsAreMissingThenTheMessageNamesThem() {
    assertThatThrownBy(() -> HubSpotOAuthFeignClient.builder().okHttpClient(null))
        .hasMessage("okHttpClient");
    assertThatThrownBy(() -> client().build().unauthorizedRetry().enrich((feign.Client) null))
        .hasMessage("client");
    AccessTokenProvider provider = client().build().tokenProvider();
    assertThatThrownBy(() -> BearerTokenInterceptor.create(provider, null))
        .hasMessage("allowedHosts");
    assertThatThrownBy(() -> UnauthorizedRetry.create(provider, null)).hasMessage("allowedHosts");
  }
}
