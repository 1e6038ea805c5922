package dev.oauthkit.hubspot.feign.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.oauthkit.hubspot.core.ApiVersion;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.testing.SpecExamples;
import dev.oauthkit.hubspot.core.testing.WireMockHubSpot;
import feign.Feign;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import feign.form.FormEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The token call byte for byte as WireMock received it: a form body with exactly the grant's
 * fields, percent-encoded, no query string, every header once. Two rogue Feign targets show that
 * the check fails for a form sent as a query string and for a repeated header (openapi-generator
 * issues #4908, #17080, #21266).
 */
class TokenRequestOnTheWireTest {

  @RegisterExtension static final WireMockExtension HUBSPOT = WireMockHubSpot.strict();

  private static final String TOKEN_PATH = "/oauth/v1/token";
  private static final String TOKEN_2026 = "/oauth/" + ApiVersion.newest() + "/token";
  private static final String REVOKE_2026 = "/oauth/" + ApiVersion.newest() + "/token/revoke";
  // Characters a form must escape, in every secret.
  private static final OAuthCredentials CREDENTIALS =
      OAuthCredentials.of("client-id", "se&cr=et+ /%", "re/fresh+to&ken=");
  private static final String ENCODED_SECRET = "se%26cr%3Det%2B+%2F%25";
  private static final String ENCODED_REFRESH = "re%2Ffresh%2Bto%26ken%3D";

  @Test
  void whenARefreshIsSentThenTheBodyIsExactlyTheRefreshGrantForm() {
    stubToken();

    client().refreshAccessToken("re/fresh+to&ken=");

    assertExactFormRequest(
        onlyTokenRequest(),
        "grant_type=refresh_token&client_id=client-id&client_secret="
            + ENCODED_SECRET
            + "&refresh_token="
            + ENCODED_REFRESH);
  }

  @Test
  void whenTheProviderRefreshesThenTheBodyIsExactlyTheRefreshGrantForm() {
    stubToken();

    client().tokenProvider().accessToken();

    assertExactFormRequest(
        onlyTokenRequest(),
        "grant_type=refresh_token&client_id=client-id&client_secret="
            + ENCODED_SECRET
            + "&refresh_token="
            + ENCODED_REFRESH);
  }

  @Test
  void whenACodeIsExchangedThenTheBodyIsExactlyTheAuthorizationCodeGrantForm() {
    stubToken();

    client().exchangeAuthorizationCode("co de/+=&", "https://app.example/cb?x=1&y=2");

    assertExactFormRequest(
        onlyTokenRequest(),
        "grant_type=authorization_code&client_id=client-id&client_secret="
            + ENCODED_SECRET
            + "&redirect_uri=https%3A%2F%2Fapp.example%2Fcb%3Fx%3D1%26y%3D2"
            + "&code=co+de%2F%2B%3D%26");
  }

  // ---- the newest date version (the default) ----

  @Test
  void whenACodeIsExchangedWithPkceOn2026ThenTheBodyIsExactlyTheGrantFormWithTheVerifier() {
    stubPath(TOKEN_2026, SpecExamples.DATED.json("AccessTokenResponseExample"));

    client2026().exchangeAuthorizationCode("co de/+=&", "https://app.example/cb?x=1", "ver/+=");

    assertExactFormRequest(
        onlyRequest(TOKEN_2026),
        TOKEN_2026,
        "grant_type=authorization_code&client_id=client-id&client_secret="
            + ENCODED_SECRET
            + "&code=co+de%2F%2B%3D%26"
            + "&redirect_uri=https%3A%2F%2Fapp.example%2Fcb%3Fx%3D1"
            + "&code_verifier=ver%2F%2B%3D");
  }

  @Test
  void whenARefreshTokenIsRevokedOn2026ThenTheBodyIsExactlyTheRevokeForm() {
    stubPath(REVOKE_2026, "");

    client2026().revokeRefreshToken("re/fresh+to&ken=");

    assertExactFormRequest(
        onlyRequest(REVOKE_2026),
        REVOKE_2026,
        "client_id=client-id&client_secret="
            + ENCODED_SECRET
            + "&token="
            + ENCODED_REFRESH
            + "&token_type_hint=refresh_token");
  }

  // ---- the check itself fails for the known failure modes ----

  /** The generated signature, but with the fields in the request line, as the issues report. */
  interface FormAsQueryApi {
    @RequestLine(
        "POST /oauth/v1/token?grant_type={grant_type}&client_id={client_id}"
            + "&client_secret={client_secret}&refresh_token={refresh_token}")
    @Headers({"Content-Type: application/x-www-form-urlencoded", "Accept: application/json"})
    String token(
        @Param("grant_type") String grantType,
        @Param("client_id") String clientId,
        @Param("client_secret") String clientSecret,
        @Param("refresh_token") String refreshToken);
  }

  /** The generated shape; an interceptor then adds Accept a second time. */
  interface TokenApi {
    @RequestLine("POST /oauth/v1/token")
    @Headers({"Content-Type: application/x-www-form-urlencoded", "Accept: application/json"})
    String token(
        @Param("grant_type") String grantType,
        @Param("client_id") String clientId,
        @Param("client_secret") String clientSecret,
        @Param("refresh_token") String refreshToken);
  }

  @Test
  void whenTheFormIsSentAsAQueryStringThenTheCheckFails() {
    stubToken();

    Feign.builder()
        .encoder(new FormEncoder())
        .target(FormAsQueryApi.class, HUBSPOT.baseUrl())
        .token("refresh_token", "client-id", "secret", "refresh");

    assertThatThrownBy(
            () ->
                assertExactFormRequest(
                    onlyTokenRequest(),
                    "grant_type=refresh_token&client_id=client-id&client_secret=secret"
                        + "&refresh_token=refresh"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("grant_type=refresh_token");
  }

  @Test
  void whenAHeaderIsRepeatedThenTheCheckFails() {
    stubToken();

    Feign.builder()
        .encoder(new FormEncoder())
        .requestInterceptor(template -> template.header("Accept", "application/*"))
        .target(TokenApi.class, HUBSPOT.baseUrl())
        .token("refresh_token", "client-id", "secret", "refresh");

    assertThatThrownBy(
            () ->
                assertExactFormRequest(
                    onlyTokenRequest(),
                    "grant_type=refresh_token&client_id=client-id&client_secret=secret"
                        + "&refresh_token=refresh"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Accept");
  }

  // ---- fixtures ----

  private static HubSpotOAuthFeignClient client() {
    return HubSpotOAuthFeignClient.builder()
        .apiVersion(ApiVersion.V1)
        .baseUrl(HUBSPOT.baseUrl())
        .credentials(CREDENTIALS)
        .build();
  }

  private static HubSpotOAuthFeignClient client2026() {
    return HubSpotOAuthFeignClient.builder()
        .baseUrl(HUBSPOT.baseUrl())
        .credentials(CREDENTIALS)
        .build();
  }

  private static void stubPath(String path, String body) {
    HUBSPOT.stubFor(
        post(urlPathEqualTo(path))
            .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
  }

  private static LoggedRequest onlyRequest(String path) {
    List<LoggedRequest> requests = HUBSPOT.findAll(postRequestedFor(urlPathEqualTo(path)));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  private static void stubToken() {
    HUBSPOT.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(SpecExamples.json("TokenResponseSuccessExample"))));
  }

  private static LoggedRequest onlyTokenRequest() {
    List<LoggedRequest> requests = HUBSPOT.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  /** Exactly {@code body} as the form, nothing in the URL, each header once, no credential. */
  private static void assertExactFormRequest(LoggedRequest request, String body) {
    assertExactFormRequest(request, TOKEN_PATH, body);
  }

  private static void assertExactFormRequest(LoggedRequest request, String path, String body) {
    assertThat(request.getUrl()).as("path and query").isEqualTo(path);
    assertThat(request.getQueryParams()).as("query parameters").isEmpty();
    List<String> names =
        request.getHeaders().all().stream()
            .map(header -> header.key().toLowerCase(Locale.ROOT))
            .toList();
    assertThat(names).as("header names").doesNotHaveDuplicates();
    for (HttpHeader header : request.getHeaders().all()) {
      assertThat(header.values()).as("values of header " + header.key()).hasSize(1);
    }
    assertThat(request.getHeader("Content-Type"))
        .isEqualTo("application/x-www-form-urlencoded; charset=UTF-8");
    assertThat(request.getHeader("Accept")).isEqualTo("application/json");
    assertThat(request.containsHeader("Authorization")).as("Authorization header").isFalse();
    assertThat(new String(request.getBody(), StandardCharsets.US_ASCII))
        .as("form body")
        .isEqualTo(body);
    assertThat(request.getHeader("Content-Length"))
        .isEqualTo(String.valueOf(request.getBody().length));
  }
}
