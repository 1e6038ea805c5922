package dev.oauthkit.hubspot.retrofit.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.oauthkit.hubspot.core.AllowedHosts;
import dev.oauthkit.hubspot.core.ApiVersion;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.testing.SpecExamples;
import dev.oauthkit.hubspot.core.testing.WireMockHubSpot;
import java.io.IOException;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What only the Retrofit facade has: its builder's own option, and its OkHttp interceptor sending
 * the token to allowed hosts only; the shared builder options and the facade's behaviour are in
 * {@link RetrofitClientContractTest}.
 */
class HubSpotOAuthRetrofitClientTest {

  @RegisterExtension static final WireMockExtension HUBSPOT = WireMockHubSpot.strict();

  private static final String CONTACTS_PATH = "/crm/v3/objects/contacts";
  private static final String TOKEN_PATH = "/oauth/v1/token";

  @BeforeEach
  void stubHubSpot() {
    ObjectNode token = (ObjectNode) SpecExamples.node("TokenResponseSuccessExample");
    token.put("access_token", "held-access");
    HUBSPOT.stubFor(
        post(urlEqualTo(TOKEN_PATH))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(token.toString())));
    HUBSPOT.stubFor(get(urlEqualTo(CONTACTS_PATH)).willReturn(aResponse().withStatus(401)));
  }

  private static HubSpotOAuthRetrofitClient.Builder client() {
    return HubSpotOAuthRetrofitClient.builder()
        .apiVersion(ApiVersion.V1)
        .baseUrl(HUBSPOT.baseUrl()) // host: localhost
        .credentials(OAuthCredentials.of("client-id", "retrofit-secret", "retrofit-refresh"));
  }

  private static int call(HubSpotOAuthRetrofitClient hubspot, String baseUrl) throws IOException {
    OkHttpClient http =
        new OkHttpClient.Builder().addInterceptor(hubspot.bearerInterceptor()).build();
    Request contacts = new Request.Builder().url(baseUrl + CONTACTS_PATH).build();
    try (Response response = http.newCall(contacts).execute()) {
      return response.code();
    }
  }

  private static List<List<String>> authorizationSent() {
    return HUBSPOT.findAll(getRequestedFor(urlEqualTo(CONTACTS_PATH))).stream()
        .map(r -> r.getHeaders().getHeader("Authorization"))
        .map(header -> header.isPresent() ? header.values() : List.<String>of())
        .toList();
  }

  @Test
  void whenTheHostIsNotAllowedThenTheRequestCarriesNoTokenAndA401IsNotRetried() throws Exception {
    HubSpotOAuthRetrofitClient hubspot = client().build();

    int status = call(hubspot, HUBSPOT.baseUrl().replace("localhost", "127.0.0.1"));

    assertThat(status).isEqualTo(401);
    assertThat(authorizationSent()).containsExactly(List.of());
    HUBSPOT.verify(0, postRequestedFor(urlEqualTo(TOKEN_PATH)));
  }

  @Test
  void whenTheHostIsAllowedThenTheRequestCarriesTheToken() throws Exception {
    HubSpotOAuthRetrofitClient hubspot = client().build();

    call(hubspot, HUBSPOT.baseUrl());

    // A 401 is refreshed and retried once, each time with the token.
    assertThat(authorizationSent())
        .containsExactly(List.of("Bearer held-access"), List.of("Bearer held-access"));
  }

  @Test
  void whenAllowedHostsAreSetOnTheBuilderThenTheTokenGoesToThoseHostsOnly() throws Exception {
    HubSpotOAuthRetrofitClient hubspot =
        client().allowedHosts(AllowedHosts.of("127.0.0.1")).build();

    call(hubspot, HUBSPOT.baseUrl());
    call(hubspot, HUBSPOT.baseUrl().replace("localhost", "127.0.0.1"));

    assertThat(authorizationSent())
        .containsExactly(List.of(), List.of("Bearer held-access"), List.of("Bearer held-access"));
    assertThat(hubspot.allowedHosts()).isEqualTo(AllowedHosts.of("127.0.0.1"));
  }

  @Test
  void whenTheBaseClientIsMissingThenTheMessageNamesIt() {
    assertThatThrownBy(() -> HubSpotOAuthRetrofitClient.builder().okHttpClient(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("okHttpClient");
    assertThatThrownBy(() -> BearerTokenInterceptor.create(client().build().tokenProvider(), null))
        .hasMessage("allowedHosts");
  }
}
