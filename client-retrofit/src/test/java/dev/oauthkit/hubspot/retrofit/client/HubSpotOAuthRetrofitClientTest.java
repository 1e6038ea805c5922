package dev.oauthkit.hubspot.retrofit.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.HubSpotOAuthException;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.TokenProviderOptions;
import dev.oauthkit.hubspot.core.testing.SpecExamples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HubSpotOAuthRetrofitClientTest {

  @RegisterExtension
  static final WireMockExtension HUBSPOT =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  private static final OAuthCredentials CREDENTIALS =
      OAuthCredentials.of("client-id", "retrofit-client-secret", "retrofit-refresh-token");
  private static final String METADATA_PATH = "/oauth/v1/refresh-tokens/retrofit-refresh-token";

  private static HubSpotOAuthRetrofitClient.Builder client() {
    return HubSpotOAuthRetrofitClient.builder().baseUrl(HUBSPOT.baseUrl()).credentials(CREDENTIALS);
  }

  private static void stubMetadata(String path) {
    HUBSPOT.stubFor(
        get(urlEqualTo(path))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(SpecExamples.json("RefreshTokenMetadataSuccessExample"))));
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
        .getRefreshTokenMetadata("retrofit-refresh-token");

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

    client().build().getRefreshTokenMetadata("retrofit-refresh-token");

    assertThat(
            HUBSPOT
                .findAll(getRequestedFor(urlEqualTo(METADATA_PATH)))
                .get(0)
                .getHeaders()
                .getHeader("User-Agent")
                .values())
        .containsExactly(HubSpotOAuthRetrofitClient.DEFAULT_USER_AGENT);
  }

  @Test
  void whenTheBaseUrlHasAPathThenOperationsResolveBelowIt() {
    stubMetadata("/hubspot" + METADATA_PATH);

    HubSpotOAuthRetrofitClient.builder()
        .baseUrl(HUBSPOT.baseUrl() + "/hubspot")
        .credentials(CREDENTIALS)
        .build()
        .getRefreshTokenMetadata("retrofit-refresh-token");

    HUBSPOT.verify(1, getRequestedFor(urlEqualTo("/hubspot" + METADATA_PATH)));
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
                    .getRefreshTokenMetadata("retrofit-refresh-token"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("getRefreshTokenMetadata failed: SocketTimeoutException")
        .hasCauseInstanceOf(SocketTimeoutException.class);
    HUBSPOT.verify(1, getRequestedFor(urlEqualTo(METADATA_PATH)));
  }

  @Test
  void whenTheBearerTokenCannotBeObtainedThenTheCallFailsWithIoAndIsNeverSent() {
    HUBSPOT.stubFor(
        post(urlEqualTo("/oauth/v1/token"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(SpecExamples.json("BadRefreshTokenErrorExample"))));
    OkHttpClient http =
        new OkHttpClient.Builder().addInterceptor(client().build().bearerInterceptor()).build();
    Request request =
        new Request.Builder().url(HUBSPOT.baseUrl() + "/crm/v3/objects/contacts").build();

    assertThatThrownBy(() -> http.newCall(request).execute())
        .isInstanceOf(IOException.class)
        .hasMessage("could not obtain a HubSpot access token")
        .hasCauseInstanceOf(HubSpotOAuthException.class);
    HUBSPOT.verify(1, postRequestedFor(urlEqualTo("/oauth/v1/token")));
    assertThat(HUBSPOT.findAll(getRequestedFor(urlEqualTo("/crm/v3/objects/contacts")))).isEmpty();
  }

  @Test
  void whenPrintedThenTheClientShowsItsBaseUrlAndNoSecret() {
    String text = HubSpotOAuthRetrofitClient.builder().credentials(CREDENTIALS).build().toString();

    assertThat(text)
        .contains("baseUrl=https://api.hubapi.com/")
        .doesNotContain("retrofit-client-secret", "retrofit-refresh-token");
    assertThat(
            BearerTokenInterceptor.create(
                    AccessTokenProvider.create(
                        CREDENTIALS, c -> null, TokenProviderOptions.defaults()))
                .toString())
        .doesNotContain("retrofit-client-secret", "retrofit-refresh-token");
  }

  @Test
  void whenArgumentsAreMissingOrInvalidThenTheMessageNamesThem() {
    HubSpotOAuthRetrofitClient.Builder builder = HubSpotOAuthRetrofitClient.builder();
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
    HubSpotOAuthRetrofitClient client = client().build();
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
}
