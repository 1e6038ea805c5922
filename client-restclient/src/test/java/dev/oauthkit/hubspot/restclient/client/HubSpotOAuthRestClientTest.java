package dev.oauthkit.hubspot.restclient.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.AllowedHosts;
import dev.oauthkit.hubspot.core.ApiVersion;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.RefreshingAccessTokenProvider;
import dev.oauthkit.hubspot.core.TokenProviderOptions;
import dev.oauthkit.hubspot.core.TokenSet;
import dev.oauthkit.hubspot.core.testing.SpecExamples;
import dev.oauthkit.hubspot.core.testing.WireMockHubSpot;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * What only the RestClient stack has: the bearer interceptor's allowed hosts, and a Spring-managed
 * {@link RestClient.Builder} left as it was, whose observation sees none of the facade's calls. The
 * shared builder options and behaviour are in {@link RestClientContractTest}.
 */
class HubSpotOAuthRestClientTest {

  @RegisterExtension static final WireMockExtension HUBSPOT = WireMockHubSpot.strict();

  private static final String CONTACTS_PATH = "/crm/v3/objects/contacts";
  private static final String METADATA_PATH = "/oauth/v1/refresh-tokens/rest-refresh";

  private static RefreshingAccessTokenProvider providerHolding(String accessToken) {
    RefreshingAccessTokenProvider provider =
        AccessTokenProvider.create(
            OAuthCredentials.of("client-id", "rest-secret", "rest-refresh"),
            c -> {
              throw new AssertionError("no refresh expected");
            },
            TokenProviderOptions.defaults());
    provider.install(TokenSet.of(accessToken, Duration.ofHours(1), null));
    return provider;
  }

  private static int getThrough(BearerTokenInterceptor interceptor, String url) {
    return RestClient.builder()
        .requestInterceptor(interceptor)
        .build()
        .get()
        .uri(url)
        .exchange((request, response) -> response.getStatusCode().value());
  }

  private static LoggedRequest onlyContactsRequest() {
    List<LoggedRequest> requests = HUBSPOT.findAll(getRequestedFor(urlEqualTo(CONTACTS_PATH)));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  private static ResponseDefinitionBuilder json(String example) {
    return aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody(SpecExamples.json(example));
  }

  @Test
  void whenACallGoesToAHostThatIsNotAllowedThenItCarriesNoAuthorizationHeader() {
    HUBSPOT.stubFor(get(urlEqualTo(CONTACTS_PATH)).willReturn(aResponse().withStatus(200)));
    BearerTokenInterceptor interceptor =
        BearerTokenInterceptor.create(providerHolding("held-access"), AllowedHosts.of("localhost"));

    // The same WireMock server, reached under a host name the interceptor was not given.
    int status = getThrough(interceptor, "http://127.0.0.1:" + HUBSPOT.getPort() + CONTACTS_PATH);

    assertThat(status).isEqualTo(200);
    assertThat(onlyContactsRequest().containsHeader("Authorization")).isFalse();
  }

  @Test
  void whenACallGoesToAnAllowedHostThenItCarriesTheBearerToken() {
    HUBSPOT.stubFor(get(urlEqualTo(CONTACTS_PATH)).willReturn(aResponse().withStatus(200)));
    BearerTokenInterceptor interceptor =
        BearerTokenInterceptor.create(providerHolding("held-access"), AllowedHosts.of("LocalHost"));

    getThrough(interceptor, "http://localhost:" + HUBSPOT.getPort() + CONTACTS_PATH);

    assertThat(onlyContactsRequest().getHeader("Authorization")).isEqualTo("Bearer held-access");
  }

  @Test
  void whenTheFacadesInterceptorIsUsedThenOnlyTheBaseUrlHostGetsTheToken() {
    HUBSPOT.stubFor(get(urlEqualTo(CONTACTS_PATH)).willReturn(aResponse().withStatus(200)));
    HubSpotOAuthRestClient hubspot =
        HubSpotOAuthRestClient.builder()
            .baseUrl("http://127.0.0.1:" + HUBSPOT.getPort())
            .credentials(OAuthCredentials.of("client-id", "rest-secret", "rest-refresh"))
            .build();

    // No token is asked for: the call to localhost is not to the client's host, 127.0.0.1.
    getThrough(hubspot.bearerInterceptor(), HUBSPOT.baseUrl() + CONTACTS_PATH);

    assertThat(onlyContactsRequest().containsHeader("Authorization")).isFalse();
    assertThat(hubspot.bearerInterceptor().toString()).contains("AllowedHosts[127.0.0.1]");
  }

  @Test
  void whenAllowedHostsAreSetOnTheBuilderThenTheFacadesInterceptorSendsTheTokenThereOnly() {
    HUBSPOT.stubFor(get(urlEqualTo(CONTACTS_PATH)).willReturn(aResponse().withStatus(200)));
    HubSpotOAuthRestClient hubspot =
        HubSpotOAuthRestClient.builder()
            .baseUrl(HUBSPOT.baseUrl())
            .credentials(OAuthCredentials.of("client-id", "rest-secret", "rest-refresh"))
            .allowedHosts(AllowedHosts.of("127.0.0.1"))
            .build();
    hubspot.tokenProvider().install(TokenSet.of("held-access", Duration.ofHours(1), null));

    getThrough(hubspot.bearerInterceptor(), HUBSPOT.baseUrl() + CONTACTS_PATH);
    getThrough(
        hubspot.bearerInterceptor(), "http://127.0.0.1:" + HUBSPOT.getPort() + CONTACTS_PATH);

    assertThat(HUBSPOT.findAll(getRequestedFor(urlEqualTo(CONTACTS_PATH))))
        .extracting(r -> r.containsHeader("Authorization") ? r.getHeader("Authorization") : "none")
        .containsExactly("none", "Bearer held-access");
  }

  @Test
  void whenASpringManagedBuilderIsGivenThenItsFactoryIsUsedAndItIsNotChanged() {
    HUBSPOT.stubFor(
        get(urlEqualTo(METADATA_PATH))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(SpecExamples.json("RefreshTokenMetadataSuccessExample"))));
    HUBSPOT.stubFor(get(urlEqualTo(CONTACTS_PATH)).willReturn(aResponse().withStatus(200)));
    AtomicInteger factoryRequests = new AtomicInteger();
    JdkClientHttpRequestFactory jdk = new JdkClientHttpRequestFactory();
    RestClient.Builder managed =
        RestClient.builder()
            .defaultHeader("X-App", "billing")
            .requestFactory(
                (uri, method) -> {
                  factoryRequests.incrementAndGet();
                  return jdk.createRequest(uri, method);
                });

    HubSpotOAuthRestClient.builder()
        .apiVersion(ApiVersion.V1)
        .baseUrl(HUBSPOT.baseUrl())
        .credentials(OAuthCredentials.of("client-id", "rest-secret", "rest-refresh"))
        .restClientBuilder(managed)
        .build()
        .getRefreshTokenMetadata("rest-refresh");
    managed.build().get().uri(HUBSPOT.baseUrl() + CONTACTS_PATH).retrieve().toBodilessEntity();

    assertThat(factoryRequests).as("requests made by the builder's factory").hasValue(2);
    LoggedRequest metadata = HUBSPOT.findAll(getRequestedFor(urlEqualTo(METADATA_PATH))).get(0);
    assertThat(metadata.getHeader("X-App")).isEqualTo("billing");
    assertThat(metadata.getHeader("User-Agent"))
        .isEqualTo(HubSpotOAuthRestClient.DEFAULT_USER_AGENT);
    LoggedRequest contacts = onlyContactsRequest();
    assertThat(contacts.getHeader("X-App")).isEqualTo("billing");
    assertThat(contacts.getHeader("User-Agent"))
        .isNotEqualTo(HubSpotOAuthRestClient.DEFAULT_USER_AGENT);
  }

  @Test
  void whenATimeoutIsSetWithASpringManagedBuilderThenTheFacadeUsesItsOwnRequestFactory() {
    HUBSPOT.stubFor(
        get(urlEqualTo(METADATA_PATH))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(SpecExamples.json("RefreshTokenMetadataSuccessExample"))));
    AtomicInteger factoryRequests = new AtomicInteger();
    RestClient.Builder managed =
        RestClient.builder()
            .requestFactory(
                (uri, method) -> {
                  factoryRequests.incrementAndGet();
                  throw new AssertionError("the builder's factory was used");
                });

    HubSpotOAuthRestClient.builder()
        .apiVersion(ApiVersion.V1)
        .baseUrl(HUBSPOT.baseUrl())
        .credentials(OAuthCredentials.of("client-id", "rest-secret", "rest-refresh"))
        .restClientBuilder(managed)
        .readTimeout(Duration.ofSeconds(5))
        .build()
        .getRefreshTokenMetadata("rest-refresh");

    assertThat(factoryRequests).hasValue(0);
    HUBSPOT.verify(1, getRequestedFor(urlEqualTo(METADATA_PATH)));
  }

  @Test
  void whenTheGivenBuilderHasAnObservationRegistryThenTheFacadesCallsRecordNoToken() {
    String accessPath = "/oauth/v1/access-tokens/observed-access";
    String refreshPath = "/oauth/v1/refresh-tokens/observed-refresh";
    HUBSPOT.stubFor(
        get(urlEqualTo(accessPath)).willReturn(json("AccessTokenMetadataSuccessExample")));
    HUBSPOT.stubFor(
        get(urlEqualTo(refreshPath)).willReturn(json("RefreshTokenMetadataSuccessExample")));
    HUBSPOT.stubFor(delete(urlEqualTo(refreshPath)).willReturn(aResponse().withStatus(204)));
    List<String> recorded = new CopyOnWriteArrayList<>();
    ObservationRegistry registry = ObservationRegistry.create();
    registry
        .observationConfig()
        .observationHandler(
            new ObservationHandler<>() {
              @Override
              public boolean supportsContext(Observation.Context context) {
                return true;
              }

              @Override
              public void onStop(Observation.Context context) {
                recorded.add(context.getName() + " " + context.getContextualName());
                context.getAllKeyValues().forEach(keyValue -> recorded.add(keyValue.getValue()));
              }
            });
    RestClient.Builder managed = RestClient.builder().observationRegistry(registry);
    HubSpotOAuthRestClient hubspot =
        HubSpotOAuthRestClient.builder()
            .apiVersion(ApiVersion.V1)
            .baseUrl(HUBSPOT.baseUrl())
            .credentials(OAuthCredentials.of("client-id", "rest-secret", "rest-refresh"))
            .restClientBuilder(managed)
            .build();

    hubspot.getAccessTokenMetadata("observed-access");
    hubspot.getRefreshTokenMetadata("observed-refresh");
    hubspot.revokeRefreshToken("observed-refresh");

    assertThat(recorded).noneMatch(value -> value.contains("observed-"));
    // The given builder itself still observes its own calls, URL included.
    managed.build().get().uri(HUBSPOT.baseUrl() + accessPath).retrieve().toBodilessEntity();
    assertThat(recorded).anyMatch(value -> value.contains("observed-access"));
  }

  @Test
  void whenRestClientOnlyArgumentsAreMissingOrInvalidThenTheMessageNamesThem() {
    AccessTokenProvider provider = providerHolding("held-access");

    assertThatThrownBy(() -> HubSpotOAuthRestClient.builder().restClientBuilder(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("restClientBuilder");
    assertThatThrownBy(() -> BearerTokenInterceptor.create(provider, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("allowedHosts");
  }
}
