package dev.oauthkit.hubspot.core.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.oauthkit.hubspot.core.contract.ContractAssertions.assertFormRequest;
import static dev.oauthkit.hubspot.core.contract.ContractAssertions.assertPlainRequest;
import static dev.oauthkit.hubspot.core.contract.ContractAssertions.inParallel;
import static dev.oauthkit.hubspot.core.contract.ContractAssertions.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.oauthkit.hubspot.client.model.AccessTokenMetadata;
import dev.oauthkit.hubspot.client.model.RefreshTokenMetadata;
import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.ApiVersion;
import dev.oauthkit.hubspot.core.HubSpotOAuthClient;
import dev.oauthkit.hubspot.core.HubSpotOAuthClientBuilder;
import dev.oauthkit.hubspot.core.HubSpotOAuthException;
import dev.oauthkit.hubspot.core.HubSpotOAuthResponseException;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.RefreshingAccessTokenProvider;
import dev.oauthkit.hubspot.core.RetryPolicy;
import dev.oauthkit.hubspot.core.TokenProviderOptions;
import dev.oauthkit.hubspot.core.TokenSet;
import dev.oauthkit.hubspot.core.UserTokens;
import dev.oauthkit.hubspot.core.testing.LogCapture;
import dev.oauthkit.hubspot.core.testing.MutableClock;
import dev.oauthkit.hubspot.core.testing.RecordingSleeper;
import dev.oauthkit.hubspot.core.testing.SpecExamples;
import dev.oauthkit.hubspot.core.testing.WireMockHubSpot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The behaviour every stack's {@link HubSpotOAuthClient} must show on {@link ApiVersion#V1} (every
 * client here is built with {@code .apiVersion(ApiVersion.V1)}; {@link DateVersionContract} covers
 * 2026-03) against a WireMock HubSpot that serves the v1 spec's examples and fails on any unmatched
 * request. Each test stubs, calls, asserts the answer and then verifies what WireMock received. It
 * covers the four operations, the token provider on the stack, bearer tokens for other HubSpot
 * APIs, secrets, and the builder's options as they reach the wire. A stack subclasses this with a
 * few small hooks: its builder, its own HTTP client option, its default User-Agent and its
 * bearer-token support.
 */
public abstract class HubSpotOAuthClientContract {

  /** The WireMock HubSpot; any request without a stub fails the test. */
  @RegisterExtension protected static final WireMockExtension HUBSPOT = WireMockHubSpot.strict();

  private static final String TOKEN_PATH = ContractAssertions.TOKEN_PATH;
  private static final Map<String, String> REFRESH_FORM =
      SpecExamples.fields("RefreshTokenRequestExample");
  private static final Map<String, String> CODE_FORM =
      SpecExamples.fields("AuthorizationCodeRequestExample");
  private static final String CLIENT_ID = REFRESH_FORM.get("client_id");
  private static final String CLIENT_SECRET = REFRESH_FORM.get("client_secret");
  private static final String REFRESH_TOKEN = REFRESH_FORM.get("refresh_token");
  private static final String EXAMPLE_ACCESS_TOKEN =
      SpecExamples.node("TokenResponseSuccessExample").get("access_token").asText();
  private static final String METADATA_PATH = "/oauth/v1/refresh-tokens/" + REFRESH_TOKEN;
  private static final String CONTACTS_PATH = "/crm/v3/objects/contacts";
  private static final ObjectMapper JSON =
      new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private final Supplier<? extends HubSpotOAuthClientBuilder<?, ? extends HubSpotOAuthClient, ?>>
      builders;
  private final String defaultUserAgent;
  private final MutableClock clock = MutableClock.atFixedStart();
  private final RecordingSleeper sleeper = RecordingSleeper.advancing(clock);
  private final List<OAuthCredentials> rotations = new CopyOnWriteArrayList<>();

  /**
   * Sets up the contract for one stack.
   *
   * @param builders starts the stack's builder, for example {@code
   *     HubSpotOAuthRetrofitClient::builder}
   * @param defaultUserAgent the User-Agent the stack sends unless another is set
   */
  protected HubSpotOAuthClientContract(
      Supplier<? extends HubSpotOAuthClientBuilder<?, ? extends HubSpotOAuthClient, ?>> builders,
      String defaultUserAgent) {
    this.builders = builders;
    this.defaultUserAgent = defaultUserAgent;
  }

  /**
   * Starts the stack's builder with its own HTTP client option set to a client that adds header
   * {@code name: value} to every request.
   */
  protected abstract HubSpotOAuthClientBuilder<?, ? extends HubSpotOAuthClient, ?>
      builderWithBaseClientHeader(String name, String value);

  /**
   * Sends {@code GET url} through the stack's bearer-token support for other HubSpot APIs.
   *
   * @return the final HTTP status
   */
  protected abstract int getWithBearer(HubSpotOAuthClient client, String url) throws IOException;

  /**
   * Asserts how the stack's bearer-token support reports a token it could not obtain (the token
   * call answered 400), as thrown by {@link #getWithBearer}.
   */
  protected abstract void assertBearerFailure(Throwable failure);

  /** Returns the factories of the stack's bearer-token support, such as its interceptor. */
  protected abstract List<Function<AccessTokenProvider, Object>> bearerSupport();

  // ---- POST /oauth/v1/token ----

  @Test
  void whenRefreshSucceedsThenTheResponseIsTheSpecExampleAndTheFormIsExact() {
    HUBSPOT.stubFor(
        post(urlEqualTo(TOKEN_PATH)).willReturn(json(200, "TokenResponseSuccessExample")));

    UserTokens tokens = client(REFRESH_TOKEN).refreshAccessToken(REFRESH_TOKEN);

    assertMatchesTokenExample(tokens);
    LoggedRequest request = only(postRequestedFor(urlEqualTo(TOKEN_PATH)));
    assertFormRequest(request, REFRESH_FORM);
  }

  @Test
  void whenAnAuthorizationCodeIsExchangedThenTheFormIsExactAndTheProviderHoldsTheTokens() {
    HUBSPOT.stubFor(
        post(urlEqualTo(TOKEN_PATH)).willReturn(json(200, "TokenResponseSuccessExample")));
    HubSpotOAuthClient client = client(null);

    UserTokens tokens =
        client.exchangeAuthorizationCode(CODE_FORM.get("code"), CODE_FORM.get("redirect_uri"));

    assertMatchesTokenExample(tokens);
    assertThat(client.tokenProvider().accessToken()).isEqualTo(EXAMPLE_ACCESS_TOKEN);
    assertThat(rotations)
        .singleElement()
        .satisfies(c -> assertThat(c.refreshToken()).contains(REFRESH_TOKEN));
    assertFormRequest(only(postRequestedFor(urlEqualTo(TOKEN_PATH))), CODE_FORM);
  }

  @ParameterizedTest(name = "HTTP {0} {1}")
  @CsvSource({
    "400, BadRequestErrorExample",
    "400, BadAuthCodeErrorExample",
    "400, BadRefreshTokenErrorExample",
    "400, BadRedirectUriErrorExample",
    "401, UnauthorizedErrorExample",
    "401, BadClientIdErrorExample",
    "500, InternalServerErrorExample"
  })
  void whenTheTokenCallFailsThenTheExceptionCarriesTheErrorBody(int status, String example) {
    HUBSPOT.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(json(status, example)));

    HubSpotOAuthException e =
        catchThrowableOfType(
            HubSpotOAuthException.class,
            () -> client(REFRESH_TOKEN).refreshAccessToken(REFRESH_TOKEN));

    assertMatchesErrorExample(e, status, example);
    assertThat(e.operation()).isEqualTo("createOrRefreshAccessToken");
    assertFormRequest(only(postRequestedFor(urlEqualTo(TOKEN_PATH))), REFRESH_FORM);
  }

  // ---- GET /oauth/v1/access-tokens/{token}, GET and DELETE /oauth/v1/refresh-tokens/{token} ----

  @Test
  void whenAccessTokenMetadataIsFoundThenItIsTheSpecExample() {
    String path = "/oauth/v1/access-tokens/" + EXAMPLE_ACCESS_TOKEN;
    HUBSPOT.stubFor(
        get(urlEqualTo(path)).willReturn(json(200, "AccessTokenMetadataSuccessExample")));

    AccessTokenMetadata metadata =
        client(REFRESH_TOKEN).getAccessTokenMetadata(EXAMPLE_ACCESS_TOKEN);

    assertThat(toJson(metadata)).isEqualTo(SpecExamples.node("AccessTokenMetadataSuccessExample"));
    assertPlainRequest(only(getRequestedFor(urlEqualTo(path))));
  }

  @ParameterizedTest(name = "HTTP {0} {1}")
  @CsvSource({"401, UnauthorizedErrorExample", "500, InternalServerErrorExample"})
  void whenAccessTokenMetadataFailsThenTheExceptionCarriesTheErrorBody(int status, String example) {
    String path = "/oauth/v1/access-tokens/" + EXAMPLE_ACCESS_TOKEN;
    HUBSPOT.stubFor(get(urlEqualTo(path)).willReturn(json(status, example)));

    HubSpotOAuthException e =
        catchThrowableOfType(
            HubSpotOAuthException.class,
            () -> client(REFRESH_TOKEN).getAccessTokenMetadata(EXAMPLE_ACCESS_TOKEN));

    assertMatchesErrorExample(e, status, example);
    assertThat(e.operation()).isEqualTo("getAccessTokenMetadata");
    assertThat(e.getMessage()).doesNotContain(EXAMPLE_ACCESS_TOKEN);
    assertPlainRequest(only(getRequestedFor(urlEqualTo(path))));
  }

  @Test
  void whenRefreshTokenMetadataIsFoundThenItIsTheSpecExample() {
    String path = "/oauth/v1/refresh-tokens/" + REFRESH_TOKEN;
    HUBSPOT.stubFor(
        get(urlEqualTo(path)).willReturn(json(200, "RefreshTokenMetadataSuccessExample")));

    RefreshTokenMetadata metadata = client(REFRESH_TOKEN).getRefreshTokenMetadata(REFRESH_TOKEN);

    assertThat(toJson(metadata)).isEqualTo(SpecExamples.node("RefreshTokenMetadataSuccessExample"));
    assertPlainRequest(only(getRequestedFor(urlEqualTo(path))));
  }

  @ParameterizedTest(name = "HTTP {0} {1}")
  @CsvSource({"401, UnauthorizedErrorExample", "500, InternalServerErrorExample"})
  void whenRefreshTokenMetadataFailsThenTheExceptionCarriesTheErrorBody(
      int status, String example) {
    String path = "/oauth/v1/refresh-tokens/" + REFRESH_TOKEN;
    HUBSPOT.stubFor(get(urlEqualTo(path)).willReturn(json(status, example)));

    HubSpotOAuthException e =
        catchThrowableOfType(
            HubSpotOAuthException.class,
            () -> client(REFRESH_TOKEN).getRefreshTokenMetadata(REFRESH_TOKEN));

    assertMatchesErrorExample(e, status, example);
    assertThat(e.operation()).isEqualTo("getRefreshTokenMetadata");
    assertPlainRequest(only(getRequestedFor(urlEqualTo(path))));
  }

  @Test
  void whenARefreshTokenIsRevokedThenTheServerGetsOneDelete() {
    String path = "/oauth/v1/refresh-tokens/" + REFRESH_TOKEN;
    HUBSPOT.stubFor(delete(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));

    client(REFRESH_TOKEN).revokeRefreshToken(REFRESH_TOKEN);

    assertPlainRequest(only(deleteRequestedFor(urlEqualTo(path))));
  }

  @ParameterizedTest(name = "HTTP {0} {1}")
  @CsvSource({"401, UnauthorizedErrorExample", "500, InternalServerErrorExample"})
  void whenRevokingFailsThenTheExceptionCarriesTheErrorBody(int status, String example) {
    String path = "/oauth/v1/refresh-tokens/" + REFRESH_TOKEN;
    HUBSPOT.stubFor(delete(urlEqualTo(path)).willReturn(json(status, example)));

    HubSpotOAuthException e =
        catchThrowableOfType(
            HubSpotOAuthException.class,
            () -> client(REFRESH_TOKEN).revokeRefreshToken(REFRESH_TOKEN));

    assertMatchesErrorExample(e, status, example);
    assertThat(e.operation()).isEqualTo("revokeRefreshToken");
    assertPlainRequest(only(deleteRequestedFor(urlEqualTo(path))));
  }

  @Test
  void whenTheErrorBodyIsNotJsonThenTheExceptionKeepsTheStatusAndTheStartOfTheBody() {
    String body = "<html>Bad gateway</html>" + "x".repeat(1000) + "TAIL";
    HUBSPOT.stubFor(
        post(urlEqualTo(TOKEN_PATH))
            .willReturn(
                aResponse()
                    .withStatus(502)
                    .withHeader("Content-Type", "text/html")
                    .withBody(body)));

    HubSpotOAuthException e =
        catchThrowableOfType(
            HubSpotOAuthException.class,
            () -> client(REFRESH_TOKEN).refreshAccessToken(REFRESH_TOKEN));

    assertThat(e.httpStatus()).isEqualTo(502);
    assertThat(e.category()).isEmpty();
    assertThat(e.bodyExcerpt())
        .hasValueSatisfying(
            excerpt ->
                assertThat(excerpt)
                    .startsWith("<html>Bad gateway</html>xxx")
                    .hasSize(HubSpotOAuthException.BODY_EXCERPT_CHARS + 3));
    assertThat(e.getMessage()).contains("HTTP 502", "<html>Bad gateway").doesNotContain("TAIL");
    assertFormRequest(only(postRequestedFor(urlEqualTo(TOKEN_PATH))), REFRESH_FORM);
  }

  /**
   * A 2xx body is JSON whatever its Content-Type says (Retrofit and Feign read it with Jackson
   * regardless); an error answer whose charset is unknown is read as UTF-8.
   */
  @ParameterizedTest
  @CsvSource({"text/plain", "text/html; charset=UTF-8", "application/octet-stream"})
  void whenATokenAnswerIsNotLabelledJsonThenItIsReadAsJson(String contentType) {
    HUBSPOT.stubFor(
        post(urlEqualTo(TOKEN_PATH))
            .willReturn(
                answer(200, contentType, SpecExamples.json("TokenResponseSuccessExample"))));

    UserTokens tokens = client(REFRESH_TOKEN).refreshAccessToken(REFRESH_TOKEN);

    assertMatchesTokenExample(tokens);
    assertFormRequest(only(postRequestedFor(urlEqualTo(TOKEN_PATH))), REFRESH_FORM);
  }

  @Test
  void whenARevocationIsAnsweredWithHtmlThenItSucceeds() {
    HUBSPOT.stubFor(
        delete(urlEqualTo(METADATA_PATH))
            .willReturn(answer(200, "text/html", "<html>revoked</html>")));

    client(REFRESH_TOKEN).revokeRefreshToken(REFRESH_TOKEN);

    assertPlainRequest(only(deleteRequestedFor(urlEqualTo(METADATA_PATH))));
  }

  @Test
  void whenA2xxBodyIsNotJsonThenAResponseExceptionQuotesNoneOfIt() {
    String body = "<html>" + EXAMPLE_ACCESS_TOKEN + " " + REFRESH_TOKEN + "</html>";
    HUBSPOT.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(answer(200, "text/html", body)));

    HubSpotOAuthResponseException e =
        catchThrowableOfType(
            HubSpotOAuthResponseException.class,
            () -> client(REFRESH_TOKEN).refreshAccessToken(REFRESH_TOKEN));

    assertThat(e.jsonPath()).isEqualTo("$");
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage()))
          .doesNotContain("<html>", EXAMPLE_ACCESS_TOKEN, REFRESH_TOKEN);
    }
  }

  @Test
  void whenAnErrorAnswerNamesAnUnknownCharsetThenTheExceptionHasTheStatusAndTheBody() {
    HUBSPOT.stubFor(
        post(urlEqualTo(TOKEN_PATH))
            .willReturn(
                answer(
                    503,
                    "application/json; charset=x-nope",
                    SpecExamples.json("InternalServerErrorExample"))));

    HubSpotOAuthException e =
        catchThrowableOfType(
            HubSpotOAuthException.class,
            () -> client(REFRESH_TOKEN).refreshAccessToken(REFRESH_TOKEN));

    assertMatchesErrorExample(e, 503, "InternalServerErrorExample");
    assertThat(e.isRetryable()).isTrue();
  }

  @Test
  void whenASuccessNamesAnUnknownCharsetThenItsBodyIsReadAsUtf8() {
    HUBSPOT.stubFor(
        post(urlEqualTo(TOKEN_PATH))
            .willReturn(
                answer(
                    200,
                    "application/json; charset=x-nope",
                    SpecExamples.json("TokenResponseSuccessExample"))));

    UserTokens tokens = client(REFRESH_TOKEN).refreshAccessToken(REFRESH_TOKEN);

    assertMatchesTokenExample(tokens);
  }

  /**
   * A token call that is redirected is not followed: the form holds the client secret and the
   * refresh token, and the other host (or a plain-http one) must never get them. Every stack
   * answers the 3xx as an error, as the JDK client does.
   */
  @ParameterizedTest
  @CsvSource({"302", "307", "308"})
  void whenTheTokenCallIsRedirectedThenItIsNotFollowedAndFailsWithTheStatus(int status) {
    String elsewhere = HUBSPOT.baseUrl().replace("localhost", "127.0.0.1") + "/collect";
    HUBSPOT.stubFor(
        post(urlEqualTo(TOKEN_PATH))
            .willReturn(aResponse().withStatus(status).withHeader("Location", elsewhere)));
    HUBSPOT.stubFor(
        post(urlEqualTo("/collect")).willReturn(json(200, "TokenResponseSuccessExample")));
    HUBSPOT.stubFor(
        get(urlEqualTo("/collect")).willReturn(json(200, "TokenResponseSuccessExample")));

    HubSpotOAuthException e =
        catchThrowableOfType(
            HubSpotOAuthException.class,
            () -> client(REFRESH_TOKEN).refreshAccessToken(REFRESH_TOKEN));

    assertThat(e).isNotNull();
    assertThat(e.httpStatus()).isEqualTo(status);
    assertThat(HUBSPOT.findAll(postRequestedFor(urlEqualTo("/collect")))).isEmpty();
    assertThat(HUBSPOT.findAll(getRequestedFor(urlEqualTo("/collect")))).isEmpty();
    assertFormRequest(only(postRequestedFor(urlEqualTo(TOKEN_PATH))), REFRESH_FORM);
  }

  @Test
  void whenTheErrorBodyEchoesSecretsThenTheExceptionRedactsThem() {
    ObjectNode body = (ObjectNode) SpecExamples.node("BadRefreshTokenErrorExample");
    body.put("message", "unknown refresh token " + REFRESH_TOKEN + " for secret " + CLIENT_SECRET);
    body.put("error_description", "bad " + REFRESH_TOKEN);
    HUBSPOT.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(jsonBody(400, body.toString())));

    HubSpotOAuthException e =
        catchThrowableOfType(
            HubSpotOAuthException.class,
            () -> client(REFRESH_TOKEN).refreshAccessToken(REFRESH_TOKEN));

    assertThat(e.getMessage()).contains("unknown refresh token [redacted sha256:");
    assertThat(
            List.of(
                e.getMessage(),
                e.serverMessage().orElseThrow(),
                e.errorDescription().orElseThrow()))
        .allSatisfy(text -> assertThat(text).doesNotContain(REFRESH_TOKEN, CLIENT_SECRET));
    assertFormRequest(only(postRequestedFor(urlEqualTo(TOKEN_PATH))), REFRESH_FORM);
  }

  // ---- reading 2xx bodies: drift in an optional field is dropped, a required field is checked
  // ----

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "user      | [\"x\"]                    | String  | an array",
        "user      | {\"a\": [1, {\"b\": [2]}]} | String  | an object",
        "user_id   | \"not-a-number\"           | Integer | a string",
        "hub_domain | [[1], {\"c\": null}]      | String  | an array"
      })
  void whenAnOptionalFieldHasAnotherTypeThenItIsDroppedWithOneWarningAndTheRestIsRead(
      String field, String value, String expected, String found) throws IOException {
    ObjectNode body = (ObjectNode) SpecExamples.node("AccessTokenMetadataSuccessExample");
    body.set(field, JSON.readTree(value));
    String path = "/oauth/v1/access-tokens/" + EXAMPLE_ACCESS_TOKEN;
    HUBSPOT.stubFor(get(urlEqualTo(path)).willReturn(jsonBody(200, body.toString())));

    AccessTokenMetadata metadata;
    List<String> warnings;
    try (LogCapture logs = LogCapture.start()) {
      metadata = client(REFRESH_TOKEN).getAccessTokenMetadata(EXAMPLE_ACCESS_TOKEN);
      warnings = logs.lines().stream().filter(line -> line.contains("WARNING")).toList();
    }

    assertThat(metadata.getHubId()).isEqualTo(body.get("hub_id").asInt());
    assertThat(toJson(metadata)).isEqualTo(body.deepCopy().without(field));
    assertThat(warnings)
        .singleElement()
        .satisfies(
            warning ->
                assertThat(warning)
                    .contains(
                        "getAccessTokenMetadata: ignored optional response field $." + field,
                        "expected " + expected + ", found " + found)
                    .doesNotContain("not-a-number"));
  }

  @Test
  void whenARequiredFieldIsMissingThenAResponseExceptionNamesTheOperationAndThePath() {
    ObjectNode body = (ObjectNode) SpecExamples.node("AccessTokenMetadataSuccessExample");
    body.remove("hub_id");
    String path = "/oauth/v1/access-tokens/" + EXAMPLE_ACCESS_TOKEN;
    HUBSPOT.stubFor(get(urlEqualTo(path)).willReturn(jsonBody(200, body.toString())));

    HubSpotOAuthResponseException e =
        catchThrowableOfType(
            HubSpotOAuthResponseException.class,
            () -> client(REFRESH_TOKEN).getAccessTokenMetadata(EXAMPLE_ACCESS_TOKEN));

    assertThat(e).isInstanceOf(HubSpotOAuthException.class);
    assertThat(e.operation()).isEqualTo("getAccessTokenMetadata");
    assertThat(e.jsonPath()).isEqualTo("$.hub_id");
    assertThat(e.getMessage())
        .isEqualTo("getAccessTokenMetadata failed: response field $.hub_id is missing");
    assertThat(e.isRetryable()).isFalse();
    assertPlainRequest(only(getRequestedFor(urlEqualTo(path))));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "hub_id       | \"62515x\" | has another type than expected (Integer)",
        "hub_id       | null        | is null",
        "scopes       | {}          | has another type than expected (array)",
        "expires_in   | [1]         | has another type than expected (Integer)"
      })
  void whenARequiredFieldHasAnotherTypeOrIsNullThenAResponseExceptionNamesThePath(
      String field, String value, String problem) throws IOException {
    ObjectNode body = (ObjectNode) SpecExamples.node("AccessTokenMetadataSuccessExample");
    body.set(field, JSON.readTree(value));
    String path = "/oauth/v1/access-tokens/" + EXAMPLE_ACCESS_TOKEN;
    HUBSPOT.stubFor(get(urlEqualTo(path)).willReturn(jsonBody(200, body.toString())));

    HubSpotOAuthResponseException e =
        catchThrowableOfType(
            HubSpotOAuthResponseException.class,
            () -> client(REFRESH_TOKEN).getAccessTokenMetadata(EXAMPLE_ACCESS_TOKEN));

    assertThat(e.jsonPath()).isEqualTo("$." + field);
    assertThat(e.getMessage())
        .isEqualTo("getAccessTokenMetadata failed: response field $." + field + " " + problem)
        .doesNotContain("62515x");
  }

  @Test
  void whenTheTokenResponseLacksTheAccessTokenThenTheRefreshFailsAtOnceNamingThePath() {
    ObjectNode body = (ObjectNode) SpecExamples.node("TokenResponseSuccessExample");
    body.remove("access_token");
    HUBSPOT.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(jsonBody(200, body.toString())));

    HubSpotOAuthResponseException e =
        catchThrowableOfType(
            HubSpotOAuthResponseException.class,
            () -> client(REFRESH_TOKEN).tokenProvider().accessToken());

    assertThat(e.operation()).isEqualTo("createOrRefreshAccessToken");
    assertThat(e.jsonPath()).isEqualTo("$.access_token");
    assertThat(e.getMessage()).doesNotContain(REFRESH_TOKEN, CLIENT_SECRET);
    assertThat(sleeper.sleeps()).isEmpty();
    assertFormRequest(only(postRequestedFor(urlEqualTo(TOKEN_PATH))), REFRESH_FORM);
  }

  @Test
  void whenA200HasAnEmptyBodyThenEveryStackSaysTheBodyIsMissing() {
    HUBSPOT.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(jsonBody(200, "")));

    HubSpotOAuthResponseException e =
        catchThrowableOfType(
            HubSpotOAuthResponseException.class,
            () -> client(REFRESH_TOKEN).refreshAccessToken(REFRESH_TOKEN));

    assertThat(e).isNotNull();
    assertThat(e.jsonPath()).isEqualTo("$");
    assertThat(e.getMessage()).contains("is missing (empty body)");
  }

  @Test
  void whenReadingIsStrictThenAnOptionalFieldOfAnotherTypeFailsTheCallNamingThePath() {
    ObjectNode body = (ObjectNode) SpecExamples.node("AccessTokenMetadataSuccessExample");
    body.putArray("user").add("x");
    String path = "/oauth/v1/access-tokens/" + EXAMPLE_ACCESS_TOKEN;
    HUBSPOT.stubFor(get(urlEqualTo(path)).willReturn(jsonBody(200, body.toString())));
    HubSpotOAuthClient client =
        builder()
            .baseUrl(HUBSPOT.baseUrl())
            .credentials(credentials(REFRESH_TOKEN))
            .strictReading(true)
            .build();

    HubSpotOAuthResponseException e =
        catchThrowableOfType(
            HubSpotOAuthResponseException.class,
            () -> client.getAccessTokenMetadata(EXAMPLE_ACCESS_TOKEN));

    assertThat(e.getMessage())
        .isEqualTo(
            "getAccessTokenMetadata failed: response field $.user has another type than"
                + " expected (String)");
  }

  // ---- the token provider on this stack ----

  @Test
  void whenSixtyFourThreadsAskAtExpiryThenExactlyOneRefreshIsSent() throws Exception {
    HUBSPOT.stubFor(
        post(urlEqualTo(TOKEN_PATH)).willReturn(tokenResponse("first-access", REFRESH_TOKEN)));
    HubSpotOAuthClient client = client(REFRESH_TOKEN);
    assertThat(client.tokenProvider().accessToken()).isEqualTo("first-access");
    clock.advance(Duration.ofSeconds(1800));
    HUBSPOT.resetAll();
    HUBSPOT.stubFor(
        post(urlEqualTo(TOKEN_PATH))
            .willReturn(tokenResponse("second-access", REFRESH_TOKEN).withFixedDelay(200)));

    List<String> tokens = inParallel(64, () -> client.tokenProvider().accessToken());

    assertThat(tokens).hasSize(64).containsOnly("second-access");
    assertFormRequest(only(postRequestedFor(urlEqualTo(TOKEN_PATH))), REFRESH_FORM);
  }

  @Test
  void whenTheServerFailsThenTheRefreshIsRetriedWithBackoffHonouringRetryAfter() {
    String scenario = "flaky";
    stubInScenario(
        scenario,
        Scenario.STARTED,
        "2",
        json(503, "InternalServerErrorExample").withHeader("Retry-After", "7"));
    stubInScenario(scenario, "2", "3", json(500, "InternalServerErrorExample"));
    stubInScenario(
        scenario, "3", "4", json(429, "InternalServerErrorExample").withHeader("Retry-After", "3"));
    stubInScenario(scenario, "4", "5", tokenResponse("after-retries", REFRESH_TOKEN));

    String token = client(REFRESH_TOKEN).tokenProvider().accessToken();

    assertThat(token).isEqualTo("after-retries");
    // Retry-After 7 s; backoff 1 s * 2^1 with jitter 0 = 1 s; Retry-After 3 s.
    assertThat(sleeper.sleeps())
        .containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(1), Duration.ofSeconds(3));
    List<LoggedRequest> requests = HUBSPOT.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)));
    assertThat(requests).hasSize(4).allSatisfy(r -> assertFormRequest(r, REFRESH_FORM));
  }

  @Test
  void whenAnAnswerRepeatsRetryAfterThenEveryStackHonoursTheFirst() {
    String scenario = "repeated";
    stubInScenario(
        scenario,
        Scenario.STARTED,
        "2",
        json(503, "InternalServerErrorExample").withHeader("Retry-After", "2", "9"));
    stubInScenario(scenario, "2", "3", tokenResponse("after-retry", REFRESH_TOKEN));

    String token = client(REFRESH_TOKEN).tokenProvider().accessToken();

    assertThat(token).isEqualTo("after-retry");
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2));
  }

  @ParameterizedTest(name = "HTTP {0} {1}")
  @CsvSource({"400, BadRefreshTokenErrorExample", "401, BadClientIdErrorExample"})
  void whenTheServerRejectsTheRefreshThenItIsNotRetried(int status, String example) {
    HUBSPOT.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(json(status, example)));

    HubSpotOAuthException e =
        catchThrowableOfType(
            HubSpotOAuthException.class, () -> client(REFRESH_TOKEN).tokenProvider().accessToken());

    assertMatchesErrorExample(e, status, example);
    assertThat(sleeper.sleeps()).isEmpty();
    assertFormRequest(only(postRequestedFor(urlEqualTo(TOKEN_PATH))), REFRESH_FORM);
  }

  @Test
  void whenTheServerRotatesTheRefreshTokenThenTheListenerGetsItAndTheNextRefreshUsesIt() {
    HUBSPOT.stubFor(
        post(urlEqualTo(TOKEN_PATH)).willReturn(tokenResponse("access-1", "rotated-refresh")));
    HubSpotOAuthClient client = client(REFRESH_TOKEN);

    client.tokenProvider().accessToken();
    clock.advance(Duration.ofSeconds(1800));
    client.tokenProvider().accessToken();

    assertThat(rotations)
        .singleElement()
        .satisfies(c -> assertThat(c.refreshToken()).contains("rotated-refresh"));
    List<LoggedRequest> requests = HUBSPOT.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)));
    assertThat(requests).hasSize(2);
    assertFormRequest(requests.get(0), REFRESH_FORM);
    Map<String, String> rotatedForm = new LinkedHashMap<>(REFRESH_FORM);
    rotatedForm.put("refresh_token", "rotated-refresh");
    assertFormRequest(requests.get(1), rotatedForm);
  }

  // ---- bearer tokens for other HubSpot APIs ----

  @Test
  void whenAnotherApiAnswers401ThenOneRefreshAndOneRetryWithTheNewToken() throws IOException {
    stubInScenario("tokens", Scenario.STARTED, "2", tokenResponse("stale-access", REFRESH_TOKEN));
    stubInScenario("tokens", "2", "3", tokenResponse("fresh-access", REFRESH_TOKEN));
    String path = "/crm/v3/objects/contacts";
    HUBSPOT.stubFor(
        get(urlEqualTo(path))
            .withHeader("Authorization", equalTo("Bearer stale-access"))
            .willReturn(json(401, "UnauthorizedErrorExample")));
    HUBSPOT.stubFor(
        get(urlEqualTo(path))
            .withHeader("Authorization", equalTo("Bearer fresh-access"))
            .willReturn(aResponse().withStatus(200).withBody("{}")));

    int status = getWithBearer(client(REFRESH_TOKEN), HUBSPOT.baseUrl() + path);

    assertThat(status).isEqualTo(200);
    List<LoggedRequest> calls = HUBSPOT.findAll(getRequestedFor(urlEqualTo(path)));
    assertThat(calls)
        .extracting(r -> r.getHeaders().getHeader("Authorization").values())
        .containsExactly(List.of("Bearer stale-access"), List.of("Bearer fresh-access"));
    assertThat(HUBSPOT.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)))).hasSize(2);
  }

  @Test
  void whenAnotherApiKeepsAnswering401ThenItIsRetriedOnlyOnce() throws IOException {
    HUBSPOT.stubFor(
        post(urlEqualTo(TOKEN_PATH)).willReturn(tokenResponse("rejected-access", REFRESH_TOKEN)));
    String path = "/crm/v3/objects/contacts";
    HUBSPOT.stubFor(get(urlEqualTo(path)).willReturn(json(401, "UnauthorizedErrorExample")));

    int status = getWithBearer(client(REFRESH_TOKEN), HUBSPOT.baseUrl() + path);

    assertThat(status).isEqualTo(401);
    assertThat(HUBSPOT.findAll(getRequestedFor(urlEqualTo(path)))).hasSize(2);
    assertThat(HUBSPOT.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)))).hasSize(2);
  }

  // ---- secrets ----

  @Test
  void whenTokensFlowAndCallsFailThenNoSecretAppearsInToStringMessagesOrLogs() {
    stubInScenario("secrets", Scenario.STARTED, "2", json(500, "InternalServerErrorExample"));
    stubInScenario("secrets", "2", "3", tokenResponse("secret-access-1", "secret-rotated-refresh"));
    stubInScenario("secrets", "3", "4", json(400, "BadRefreshTokenErrorExample"));
    List<String> texts = new ArrayList<>();
    try (LogCapture logs = LogCapture.start()) {
      HubSpotOAuthClient client = client(REFRESH_TOKEN);
      client.tokenProvider().accessToken();
      clock.advance(Duration.ofSeconds(1800));
      HubSpotOAuthException e =
          catchThrowableOfType(
              HubSpotOAuthException.class, () -> client.tokenProvider().accessToken());
      texts.add(e.getMessage());
      texts.add(e.toString());
      texts.add(client.toString());
      texts.add(client.tokenProvider().toString());
      texts.add(client.tokenProvider().credentials().toString());
      texts.addAll(logs.lines());
      assertThat(logs.lines())
          .anySatisfy(line -> assertThat(line).contains("refresh token rotated"));
    }

    assertThat(texts)
        .allSatisfy(
            text ->
                assertThat(text)
                    .doesNotContain(
                        CLIENT_SECRET, REFRESH_TOKEN, "secret-access-1", "secret-rotated-refresh"));
    assertThat(HUBSPOT.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)))).hasSize(3);
  }

  // ---- the builder and the facade ----

  @Test
  void whenABaseClientAndUserAgentAreGivenThenBothApplyAndHeadersAreSentOnce() {
    stubMetadata(METADATA_PATH);

    builderWithBaseClientHeader("X-App", "billing")
        .apiVersion(ApiVersion.V1)
        .baseUrl(HUBSPOT.baseUrl())
        .credentials(credentials(REFRESH_TOKEN))
        .userAgent("billing/2.1")
        .build()
        .getRefreshTokenMetadata(REFRESH_TOKEN);

    LoggedRequest request = only(getRequestedFor(urlEqualTo(METADATA_PATH)));
    assertThat(request.getHeaders().getHeader("User-Agent").values())
        .containsExactly("billing/2.1");
    assertThat(request.getHeaders().getHeader("Accept").values())
        .containsExactly("application/json");
    assertThat(request.getHeaders().getHeader("X-App").values()).containsExactly("billing");
  }

  @Test
  void whenNoUserAgentIsGivenThenTheDefaultIsSent() {
    stubMetadata(METADATA_PATH);

    client(REFRESH_TOKEN).getRefreshTokenMetadata(REFRESH_TOKEN);

    assertThat(
            only(getRequestedFor(urlEqualTo(METADATA_PATH)))
                .getHeaders()
                .getHeader("User-Agent")
                .values())
        .containsExactly(defaultUserAgent)
        .allSatisfy(
            agent -> assertThat(agent).startsWith(HubSpotOAuthClientBuilder.USER_AGENT_PREFIX));
  }

  @Test
  void whenTheBaseUrlHasAPathThenOperationsResolveBelowIt() {
    stubMetadata("/hubspot" + METADATA_PATH);

    newClient(HUBSPOT.baseUrl() + "/hubspot", credentials(REFRESH_TOKEN), options())
        .getRefreshTokenMetadata(REFRESH_TOKEN);

    HUBSPOT.verify(1, getRequestedFor(urlEqualTo("/hubspot" + METADATA_PATH)));
  }

  @Test
  void whenATokenContainsASlashThenItStaysOnePathSegment() {
    stubMetadata("/oauth/v1/refresh-tokens/refresh%2Ftoken");

    client(REFRESH_TOKEN).getRefreshTokenMetadata("refresh/token");

    HUBSPOT.verify(1, getRequestedFor(urlEqualTo("/oauth/v1/refresh-tokens/refresh%2Ftoken")));
  }

  @Test
  void whenTheServerIsSlowerThanTheReadTimeoutThenAnUncheckedIoExceptionIsThrown() {
    HUBSPOT.stubFor(get(urlEqualTo(METADATA_PATH)).willReturn(aResponse().withFixedDelay(2_000)));
    HubSpotOAuthClient client =
        builder()
            .baseUrl(HUBSPOT.baseUrl())
            .credentials(credentials(REFRESH_TOKEN))
            .readTimeout(Duration.ofMillis(100))
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    assertThatThrownBy(() -> client.getRefreshTokenMetadata(REFRESH_TOKEN))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("getRefreshTokenMetadata failed: SocketTimeoutException")
        .hasCauseInstanceOf(SocketTimeoutException.class);
    HUBSPOT.verify(1, getRequestedFor(urlEqualTo(METADATA_PATH)));
  }

  @Test
  void whenTheBearerTokenCannotBeObtainedThenTheCallFailsAndIsNeverSent() {
    HUBSPOT.stubFor(
        post(urlEqualTo(TOKEN_PATH)).willReturn(json(400, "BadRefreshTokenErrorExample")));

    Throwable failure =
        catchThrowable(
            () -> getWithBearer(client(REFRESH_TOKEN), HUBSPOT.baseUrl() + CONTACTS_PATH));

    assertBearerFailure(failure);
    for (Throwable t = failure; t != null; t = t.getCause()) {
      assertThat(t.getMessage()).doesNotContain(CLIENT_SECRET, REFRESH_TOKEN);
    }
    HUBSPOT.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    assertThat(HUBSPOT.findAll(getRequestedFor(urlEqualTo(CONTACTS_PATH)))).isEmpty();
  }

  @Test
  void whenPrintedThenTheClientShowsItsBaseUrlAndNoSecret() {
    HubSpotOAuthClient client = builder().credentials(credentials(REFRESH_TOKEN)).build();
    AccessTokenProvider provider = providerHolding("printed-access");
    List<String> texts = new ArrayList<>(List.of(client.toString()));
    bearerSupport().forEach(support -> texts.add(support.apply(provider).toString()));

    assertThat(texts)
        .hasSize(1 + bearerSupport().size())
        .allSatisfy(
            text ->
                assertThat(text).doesNotContain(CLIENT_SECRET, REFRESH_TOKEN, "printed-access"));
    assertThat(client.toString()).contains("baseUrl=https://api.hubapi.com/");
  }

  @Test
  void whenArgumentsAreMissingOrInvalidThenTheMessageNamesThem() {
    BuilderAssertions.assertGuardsNameTheirArgument(builder());
    for (Function<AccessTokenProvider, Object> support : bearerSupport()) {
      assertThatThrownBy(() -> support.apply(null)).hasMessage("provider");
    }
    HubSpotOAuthClient client = client(REFRESH_TOKEN);
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

  // ---- fixtures ----

  private HubSpotOAuthClient client(String refreshToken) {
    return newClient(HUBSPOT.baseUrl(), credentials(refreshToken), options());
  }

  private HubSpotOAuthClient newClient(
      String baseUrl, OAuthCredentials credentials, TokenProviderOptions options) {
    return builder()
        .baseUrl(baseUrl)
        .credentials(credentials)
        .tokenProviderOptions(options)
        .build();
  }

  private HubSpotOAuthClientBuilder<?, ? extends HubSpotOAuthClient, ?> builder() {
    return builders.get().apiVersion(ApiVersion.V1);
  }

  private static void assertMatchesTokenExample(UserTokens tokens) {
    JsonNode example = SpecExamples.node("TokenResponseSuccessExample");
    assertThat(tokens.accessToken()).isEqualTo(example.get("access_token").asText());
    assertThat(tokens.refreshToken()).isEqualTo(example.get("refresh_token").asText());
    assertThat(tokens.tokenType()).isEqualTo(example.get("token_type").asText());
    assertThat(tokens.expiresIn())
        .isEqualTo(Duration.ofSeconds(example.get("expires_in").asLong()));
  }

  /** Serializes a generated model, leaving out absent fields. */
  private static JsonNode toJson(Object model) {
    return JSON.valueToTree(model);
  }

  private static void stubMetadata(String path) {
    HUBSPOT.stubFor(
        get(urlEqualTo(path)).willReturn(json(200, "RefreshTokenMetadataSuccessExample")));
  }

  /** A provider that already holds {@code accessToken}; it never calls its endpoint. */
  private static AccessTokenProvider providerHolding(String accessToken) {
    RefreshingAccessTokenProvider provider =
        AccessTokenProvider.create(
            credentials(REFRESH_TOKEN),
            c -> {
              throw new AssertionError("no refresh expected");
            },
            TokenProviderOptions.defaults());
    provider.install(TokenSet.of(accessToken, Duration.ofHours(1), null));
    return provider;
  }

  private static OAuthCredentials credentials(String refreshToken) {
    return refreshToken == null
        ? OAuthCredentials.of(CLIENT_ID, CLIENT_SECRET)
        : OAuthCredentials.of(CLIENT_ID, CLIENT_SECRET, refreshToken);
  }

  private TokenProviderOptions options() {
    return TokenProviderOptions.builder()
        .clock(clock)
        .sleeper(sleeper)
        .retryPolicy(
            RetryPolicy.builder()
                .maxAttempts(4)
                .initialBackoff(Duration.ofSeconds(1))
                .jitter(() -> 0.0)
                .build())
        .refreshTokenListener(rotations::add)
        .build();
  }

  private static ResponseDefinitionBuilder json(int status, String example) {
    return jsonBody(status, SpecExamples.json(example));
  }

  private static ResponseDefinitionBuilder jsonBody(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  private static ResponseDefinitionBuilder answer(int status, String contentType, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", contentType).withBody(body);
  }

  private static ResponseDefinitionBuilder tokenResponse(String accessToken, String refreshToken) {
    ObjectNode body = (ObjectNode) SpecExamples.node("TokenResponseSuccessExample");
    body.put("access_token", accessToken).put("refresh_token", refreshToken);
    return jsonBody(200, body.toString());
  }

  private static void stubInScenario(
      String scenario, String state, String next, ResponseDefinitionBuilder response) {
    HUBSPOT.stubFor(
        post(urlEqualTo(TOKEN_PATH))
            .inScenario(scenario)
            .whenScenarioStateIs(state)
            .willSetStateTo(next)
            .willReturn(response));
  }

  private static LoggedRequest only(RequestPatternBuilder pattern) {
    List<LoggedRequest> requests = HUBSPOT.findAll(pattern);
    assertThat(requests).as("requests received").hasSize(1);
    return requests.get(0);
  }

  private static void assertMatchesErrorExample(
      HubSpotOAuthException e, int status, String example) {
    JsonNode body = SpecExamples.node(example);
    assertThat(e).isNotNull();
    assertThat(e.httpStatus()).isEqualTo(status);
    assertThat(e.category()).hasValue(body.get("category").asText());
    assertThat(e.correlationId()).hasValue(body.get("correlationId").asText());
    assertThat(e.serverMessage()).hasValue(body.get("message").asText());
    assertThat(e.subCategory().orElse(null)).isEqualTo(text(body, "subCategory"));
    assertThat(e.hubSpotStatus().orElse(null)).isEqualTo(text(body, "status"));
    assertThat(e.error().orElse(null)).isEqualTo(text(body, "error"));
    assertThat(e.errorDescription().orElse(null)).isEqualTo(text(body, "error_description"));
    assertThat(e.errors()).hasSize(body.path("errors").size());
    for (int i = 0; i < e.errors().size(); i++) {
      JsonNode detail = body.path("errors").get(i);
      assertThat(e.errors().get(i).message()).hasValue(detail.get("message").asText());
      assertThat(e.errors().get(i).code().orElse(null)).isEqualTo(text(detail, "code"));
      assertThat(e.errors().get(i).in().orElse(null)).isEqualTo(text(detail, "in"));
    }
    assertThat(e.getMessage())
        .contains(
            "HTTP " + status, body.get("category").asText(), body.get("correlationId").asText())
        .doesNotContain(CLIENT_SECRET, REFRESH_TOKEN);
  }
}
