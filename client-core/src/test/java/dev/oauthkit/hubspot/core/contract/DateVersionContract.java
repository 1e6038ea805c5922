package dev.oauthkit.hubspot.core.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.oauthkit.hubspot.core.contract.ContractAssertions.assertFormRequest;
import static dev.oauthkit.hubspot.core.contract.ContractAssertions.inParallel;
import static dev.oauthkit.hubspot.core.contract.ContractAssertions.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.oauthkit.hubspot.core.ActiveAccessToken;
import dev.oauthkit.hubspot.core.ActiveRefreshToken;
import dev.oauthkit.hubspot.core.ApiVersion;
import dev.oauthkit.hubspot.core.ClientCredentialsToken;
import dev.oauthkit.hubspot.core.HubSpotOAuthClient;
import dev.oauthkit.hubspot.core.HubSpotOAuthClientBuilder;
import dev.oauthkit.hubspot.core.HubSpotOAuthException;
import dev.oauthkit.hubspot.core.HubSpotOAuthResponseException;
import dev.oauthkit.hubspot.core.InactiveToken;
import dev.oauthkit.hubspot.core.IntrospectedToken;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.RefreshingAccessTokenProvider;
import dev.oauthkit.hubspot.core.RetryPolicy;
import dev.oauthkit.hubspot.core.TokenProviderOptions;
import dev.oauthkit.hubspot.core.UserTokens;
import dev.oauthkit.hubspot.core.testing.LogCapture;
import dev.oauthkit.hubspot.core.testing.MutableClock;
import dev.oauthkit.hubspot.core.testing.RecordingSleeper;
import dev.oauthkit.hubspot.core.testing.SpecExamples;
import dev.oauthkit.hubspot.core.testing.WireMockHubSpot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The behaviour every stack's {@link HubSpotOAuthClient} must show on {@link ApiVersion#newest()},
 * the builder's default (and every other date version's paths), against a strict WireMock HubSpot
 * serving the date versions' spec examples: the three operations (token with each grant,
 * introspection of each shape, revocation) with every documented status, the typed results, the
 * token providers (refresh-token and client-credentials: single flight, renewal before expiry),
 * tolerant reading of the date-version models, RFC 6749 error bodies without HubSpot's category,
 * and the v1-only calls failing clearly. A stack subclasses it with its builder factory.
 */
public abstract class DateVersionContract {

  /** The WireMock HubSpot; any request without a stub fails the test. */
  @RegisterExtension protected static final WireMockExtension HUBSPOT = WireMockHubSpot.strict();

  private static final SpecExamples.Document SPEC = SpecExamples.DATED;
  private static final String ROOT = "/oauth/" + ApiVersion.newest() + "/";
  private static final String TOKEN = ROOT + "token";
  private static final String INTROSPECT = ROOT + "token/introspect";
  private static final String REVOKE = ROOT + "token/revoke";
  private static final Map<String, String> CODE_FORM = SPEC.fields("AuthorizationCodeGrantExample");
  private static final Map<String, String> REFRESH_FORM = SPEC.fields("RefreshTokenGrantExample");
  private static final Map<String, String> CLIENT_FORM =
      SPEC.fields("ClientCredentialsGrantExample");
  private static final String CLIENT_ID = REFRESH_FORM.get("client_id");
  private static final String CLIENT_SECRET = REFRESH_FORM.get("client_secret");
  private static final String REFRESH_TOKEN = REFRESH_FORM.get("refresh_token");
  private static final List<String> CLIENT_SCOPES = List.of(CLIENT_FORM.get("scope").split(" "));

  private final Supplier<? extends HubSpotOAuthClientBuilder<?, ? extends HubSpotOAuthClient, ?>>
      builders;
  private final MutableClock clock = MutableClock.atFixedStart();
  private final RecordingSleeper sleeper = RecordingSleeper.advancing(clock);
  private final List<OAuthCredentials> rotations = new CopyOnWriteArrayList<>();

  /**
   * Sets up the contract for one stack.
   *
   * @param builders starts the stack's builder, for example {@code
   *     HubSpotOAuthRetrofitClient::builder}; its default API version must be {@link
   *     ApiVersion#newest()}
   */
  protected DateVersionContract(
      Supplier<? extends HubSpotOAuthClientBuilder<?, ? extends HubSpotOAuthClient, ?>> builders) {
    this.builders = builders;
  }

  // ---- POST /oauth/<newest>/token ----

  @Test
  void whenACodeIsExchangedWithPkceThenTheFormIsTheSpecExampleAndTheProviderHoldsTheTokens() {
    HUBSPOT.stubFor(post(urlEqualTo(TOKEN)).willReturn(json(200, "AccessTokenResponseExample")));
    HubSpotOAuthClient client = client(null);

    UserTokens tokens =
        client.exchangeAuthorizationCode(
            CODE_FORM.get("code"), CODE_FORM.get("redirect_uri"), CODE_FORM.get("code_verifier"));

    assertMatchesUserTokensExample(tokens);
    assertThat(client.tokenProvider().accessToken()).isEqualTo(tokens.accessToken());
    assertThat(rotations)
        .singleElement()
        .satisfies(c -> assertThat(c.refreshToken()).contains(REFRESH_TOKEN));
    assertFormRequest(only(TOKEN), TOKEN, CODE_FORM);
  }

  @Test
  void whenACodeIsExchangedWithoutPkceThenNoCodeVerifierIsSent() {
    HUBSPOT.stubFor(post(urlEqualTo(TOKEN)).willReturn(json(200, "AccessTokenResponseExample")));

    client(null).exchangeAuthorizationCode(CODE_FORM.get("code"), CODE_FORM.get("redirect_uri"));

    Map<String, String> form = new LinkedHashMap<>(CODE_FORM);
    form.remove("code_verifier");
    assertFormRequest(only(TOKEN), TOKEN, form);
  }

  @Test
  void whenARefreshTokenIsUsedThenTheFormIsTheSpecExampleAndUserTokensAreReturned() {
    HUBSPOT.stubFor(post(urlEqualTo(TOKEN)).willReturn(json(200, "AccessTokenResponseExample")));

    UserTokens tokens = client(REFRESH_TOKEN).refreshAccessToken(REFRESH_TOKEN);

    assertMatchesUserTokensExample(tokens);
    assertFormRequest(only(TOKEN), TOKEN, REFRESH_FORM);
  }

  @Test
  void whenAClientCredentialsTokenIsAskedForThenTheFormIsTheSpecExampleAndNoRefreshTokenIsKept() {
    HUBSPOT.stubFor(
        post(urlEqualTo(TOKEN)).willReturn(json(200, "ClientCredentialsTokenResponseExample")));

    ClientCredentialsToken token = client(null).clientCredentialsToken(CLIENT_SCOPES);

    JsonNode example = SPEC.node("ClientCredentialsTokenResponseExample");
    assertThat(token.accessToken()).isEqualTo(example.get("access_token").asText());
    assertThat(token.expiresIn()).isEqualTo(Duration.ofSeconds(1800));
    assertThat(token.tokenType()).isEqualTo("bearer");
    assertThat(token.scopes()).isEqualTo(CLIENT_SCOPES);
    assertThat(token.toString()).doesNotContain(token.accessToken());
    assertFormRequest(only(TOKEN), TOKEN, CLIENT_FORM);
  }

  @Test
  void whenTheTokenUseIsNotTheGrantsShapeThenAResponseExceptionNamesTokenUse() {
    HUBSPOT.stubFor(
        post(urlEqualTo(TOKEN)).willReturn(json(200, "ClientCredentialsTokenResponseExample")));

    HubSpotOAuthResponseException e =
        catchThrowableOfType(
            HubSpotOAuthResponseException.class,
            () -> client(REFRESH_TOKEN).refreshAccessToken(REFRESH_TOKEN));

    assertThat(e.operation()).isEqualTo("createToken");
    assertThat(e.jsonPath()).isEqualTo("$.token_use");
    assertThat(rotations).isEmpty();
  }

  @ParameterizedTest(name = "HTTP {0} {1}")
  @CsvSource({
    "400, InvalidRequestErrorExample",
    "400, BadAuthCodeErrorExample",
    "400, BadRefreshTokenErrorExample",
    "400, ChangelogRefreshTokenErrorExample",
    "400, BadRedirectUriErrorExample",
    "400, BadCodeVerifierErrorExample",
    "400, UnsupportedGrantTypeErrorExample",
    "400, UnauthorizedClientErrorExample",
    "401, InvalidClientErrorExample",
    "500, InternalServerErrorExample"
  })
  void whenTheTokenCallFailsThenTheExceptionCarriesTheErrorBody(int status, String example) {
    HUBSPOT.stubFor(post(urlEqualTo(TOKEN)).willReturn(json(status, example)));

    HubSpotOAuthException e =
        catchThrowableOfType(
            HubSpotOAuthException.class,
            () -> client(REFRESH_TOKEN).refreshAccessToken(REFRESH_TOKEN));

    assertMatchesErrorExample(e, status, example, "createToken");
    assertFormRequest(only(TOKEN), TOKEN, REFRESH_FORM);
  }

  // ---- POST /oauth/<newest>/token/introspect ----

  @Test
  void whenAnAccessTokenIsIntrospectedThenItIsAnActiveAccessTokenWithTheExamplesFields() {
    HUBSPOT.stubFor(
        post(urlEqualTo(INTROSPECT)).willReturn(json(200, "AccessTokenIntrospectionExample")));
    Map<String, String> form = introspectForm("IntrospectAccessTokenExample");

    IntrospectedToken answer = client(REFRESH_TOKEN).introspect(form.get("token"));

    JsonNode example = SPEC.node("AccessTokenIntrospectionExample");
    assertThat(answer).isInstanceOf(ActiveAccessToken.class);
    ActiveAccessToken token = (ActiveAccessToken) answer;
    assertThat(token.active()).isTrue();
    assertThat(token.token()).isEqualTo(example.get("token").asText());
    assertThat(token.clientId()).isEqualTo(example.get("client_id").asText());
    assertThat(token.appId()).isEqualTo(example.get("app_id").asLong());
    assertThat(token.hubId()).isEqualTo(example.get("hub_id").asLong());
    assertThat(token.userId()).isEqualTo(example.get("user_id").asLong());
    assertThat(token.user()).contains(example.get("user").asText());
    assertThat(token.hubDomain()).contains(example.get("hub_domain").asText());
    assertThat(token.scopes()).containsExactly("oauth", "crm.objects.contacts.read");
    assertThat(token.expiresIn()).isEqualTo(Duration.ofSeconds(example.get("expires_in").asLong()));
    assertThat(token.privateDistribution()).isFalse();
    assertThat(token.toString()).doesNotContain(token.token());
    assertFormRequest(only(INTROSPECT), INTROSPECT, form);
  }

  @Test
  void whenARefreshTokenIsIntrospectedThenItIsAnActiveRefreshToken() {
    HUBSPOT.stubFor(
        post(urlEqualTo(INTROSPECT)).willReturn(json(200, "RefreshTokenIntrospectionExample")));
    Map<String, String> form = introspectForm("IntrospectRefreshTokenExample");

    IntrospectedToken answer = client(REFRESH_TOKEN).introspect(form.get("token"));

    assertThat(answer).isInstanceOf(ActiveRefreshToken.class);
    ActiveRefreshToken token = (ActiveRefreshToken) answer;
    assertThat(token.token()).isEqualTo(REFRESH_TOKEN);
    assertThat(token.hubId()).isEqualTo(62515);
    assertThat(token.scopes()).containsExactly("oauth", "crm.objects.contacts.read");
    assertFormRequest(only(INTROSPECT), INTROSPECT, form);
  }

  @Test
  void whenAnUnknownTokenIsIntrospectedThenItIsInactive() {
    HUBSPOT.stubFor(
        post(urlEqualTo(INTROSPECT)).willReturn(json(200, "InactiveTokenIntrospectionExample")));

    IntrospectedToken answer = client(REFRESH_TOKEN).introspect("revoked-token");

    assertThat(answer).isEqualTo(new InactiveToken());
    assertThat(answer.active()).isFalse();
  }

  @ParameterizedTest(name = "HTTP {0} {1}")
  @CsvSource({
    "400, MissingTokenErrorExample",
    "401, InvalidClientErrorExample",
    "500, InternalServerErrorExample"
  })
  void whenIntrospectionFailsThenTheExceptionCarriesTheErrorBody(int status, String example) {
    HUBSPOT.stubFor(post(urlEqualTo(INTROSPECT)).willReturn(json(status, example)));

    HubSpotOAuthException e =
        catchThrowableOfType(
            HubSpotOAuthException.class, () -> client(REFRESH_TOKEN).introspect("the-token"));

    assertMatchesErrorExample(e, status, example, "introspectToken");
    assertThat(e.getMessage()).doesNotContain("the-token");
  }

  @Test
  void whenAnActiveIntrospectionLacksAFieldOfItsShapeThenAResponseExceptionNamesIt() {
    ObjectNode body = (ObjectNode) SPEC.node("AccessTokenIntrospectionExample");
    body.remove("hub_id");
    HUBSPOT.stubFor(post(urlEqualTo(INTROSPECT)).willReturn(jsonBody(200, body.toString())));

    HubSpotOAuthResponseException e =
        catchThrowableOfType(
            HubSpotOAuthResponseException.class, () -> client(REFRESH_TOKEN).introspect("t"));

    assertThat(e.getMessage())
        .isEqualTo("introspectToken failed: response field $.hub_id is missing");
  }

  @Test
  void whenAnOptionalIntrospectionFieldHasAnotherTypeThenItIsDroppedWithOneWarning() {
    ObjectNode body = (ObjectNode) SPEC.node("AccessTokenIntrospectionExample");
    body.putArray("user").add("x");
    HUBSPOT.stubFor(post(urlEqualTo(INTROSPECT)).willReturn(jsonBody(200, body.toString())));

    IntrospectedToken answer;
    List<String> warnings;
    try (LogCapture logs = LogCapture.start()) {
      answer = client(REFRESH_TOKEN).introspect("t");
      warnings = logs.lines().stream().filter(line -> line.contains("WARNING")).toList();
    }

    assertThat(answer)
        .isInstanceOfSatisfying(
            ActiveAccessToken.class,
            token -> {
              assertThat(token.user()).isEmpty();
              assertThat(token.hubId()).isEqualTo(62515);
            });
    assertThat(warnings)
        .singleElement()
        .satisfies(
            w -> assertThat(w).contains("introspectToken: ignored optional response field $.user"));
  }

  @Test
  void whenATokenResponseLacksARequiredFieldThenAResponseExceptionNamesThePath() {
    ObjectNode body = (ObjectNode) SPEC.node("AccessTokenResponseExample");
    body.remove("token_use");
    HUBSPOT.stubFor(post(urlEqualTo(TOKEN)).willReturn(jsonBody(200, body.toString())));

    HubSpotOAuthResponseException e =
        catchThrowableOfType(
            HubSpotOAuthResponseException.class,
            () -> client(REFRESH_TOKEN).tokenProvider().accessToken());

    assertThat(e.getMessage())
        .isEqualTo("createToken failed: response field $.token_use is missing");
    assertThat(sleeper.sleeps()).isEmpty();
  }

  // ---- POST /oauth/<newest>/token/revoke ----

  @Test
  void whenARefreshTokenIsRevokedThenTheFormIsTheSpecExampleAndAnEmpty200IsSuccess() {
    HUBSPOT.stubFor(post(urlEqualTo(REVOKE)).willReturn(aResponse().withStatus(200)));

    client(REFRESH_TOKEN).revokeRefreshToken(REFRESH_TOKEN);

    assertFormRequest(only(REVOKE), REVOKE, SPEC.fields("RevokeRefreshTokenExample"));
  }

  @Test
  void whenARevocationIsAnsweredWithHtmlThenItSucceeds() {
    HUBSPOT.stubFor(
        post(urlEqualTo(REVOKE))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html>revoked</html>")));

    client(REFRESH_TOKEN).revokeRefreshToken(REFRESH_TOKEN);

    assertFormRequest(only(REVOKE), REVOKE, SPEC.fields("RevokeRefreshTokenExample"));
  }

  @ParameterizedTest(name = "HTTP {0} {1}")
  @CsvSource({
    "400, MissingTokenErrorExample",
    "401, InvalidClientErrorExample",
    "500, InternalServerErrorExample"
  })
  void whenRevokingFailsThenTheExceptionCarriesTheErrorBody(int status, String example) {
    HUBSPOT.stubFor(post(urlEqualTo(REVOKE)).willReturn(json(status, example)));

    HubSpotOAuthException e =
        catchThrowableOfType(
            HubSpotOAuthException.class,
            () -> client(REFRESH_TOKEN).revokeRefreshToken(REFRESH_TOKEN));

    assertMatchesErrorExample(e, status, example, "revokeToken");
  }

  // ---- the token providers ----

  @Test
  void whenTheProviderRefreshesThenItPostsTheRefreshGrantAndHandsTheRotatedTokenToTheListener() {
    HUBSPOT.stubFor(post(urlEqualTo(TOKEN)).willReturn(tokenResponse("access-1", "rotated")));
    HubSpotOAuthClient client = client(REFRESH_TOKEN);

    assertThat(client.tokenProvider().accessToken()).isEqualTo("access-1");
    clock.advance(Duration.ofSeconds(1800));
    client.tokenProvider().accessToken();

    assertThat(rotations)
        .singleElement()
        .satisfies(c -> assertThat(c.refreshToken()).contains("rotated"));
    List<LoggedRequest> requests = HUBSPOT.findAll(postRequestedFor(urlEqualTo(TOKEN)));
    assertThat(requests).hasSize(2);
    assertFormRequest(requests.get(0), TOKEN, REFRESH_FORM);
    Map<String, String> rotated = new LinkedHashMap<>(REFRESH_FORM);
    rotated.put("refresh_token", "rotated");
    assertFormRequest(requests.get(1), TOKEN, rotated);
  }

  @Test
  void whenSixtyFourThreadsAskTheClientCredentialsProviderAtExpiryThenOneRequestIsSent()
      throws Exception {
    HUBSPOT.stubFor(post(urlEqualTo(TOKEN)).willReturn(clientCredentialsResponse("first")));
    RefreshingAccessTokenProvider provider =
        client(null).clientCredentialsTokenProvider(CLIENT_SCOPES);
    assertThat(provider.accessToken()).isEqualTo("first");
    clock.advance(Duration.ofSeconds(1800));
    HUBSPOT.resetAll();
    HUBSPOT.stubFor(
        post(urlEqualTo(TOKEN))
            .willReturn(clientCredentialsResponse("second").withFixedDelay(200)));

    List<String> tokens = inParallel(64, provider::accessToken);

    assertThat(tokens).hasSize(64).containsOnly("second");
    assertFormRequest(only(TOKEN), TOKEN, CLIENT_FORM);
  }

  @Test
  void whenTheClientCredentialsTokenNearsExpiryThenANewOneIsAskedForWithinTheMargin() {
    HUBSPOT.stubFor(post(urlEqualTo(TOKEN)).willReturn(clientCredentialsResponse("cc-1")));
    RefreshingAccessTokenProvider provider =
        client(null).clientCredentialsTokenProvider(CLIENT_SCOPES);

    provider.accessToken();
    clock.advance(Duration.ofSeconds(1800 - 61));
    provider.accessToken();
    assertThat(HUBSPOT.findAll(postRequestedFor(urlEqualTo(TOKEN)))).hasSize(1);
    clock.advance(Duration.ofSeconds(2));
    provider.accessToken();

    List<LoggedRequest> requests = HUBSPOT.findAll(postRequestedFor(urlEqualTo(TOKEN)));
    assertThat(requests).hasSize(2).allSatisfy(r -> assertFormRequest(r, TOKEN, CLIENT_FORM));
    assertThat(rotations).isEmpty();
    assertThat(provider.credentials().refreshToken()).isEmpty();
  }

  @Test
  void whenTheClientCredentialsCallFailsWith5xxThenItIsRetriedLikeARefresh() {
    HUBSPOT.stubFor(
        post(urlEqualTo(TOKEN))
            .inScenario("cc")
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willSetStateTo("ok")
            .willReturn(json(500, "InternalServerErrorExample")));
    HUBSPOT.stubFor(
        post(urlEqualTo(TOKEN))
            .inScenario("cc")
            .whenScenarioStateIs("ok")
            .willReturn(clientCredentialsResponse("after-retry")));

    String token = client(null).clientCredentialsTokenProvider(CLIENT_SCOPES).accessToken();

    assertThat(token).isEqualTo("after-retry");
    // Equal jitter at 0: half of the first backoff (1 s).
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500));
    assertThat(HUBSPOT.findAll(postRequestedFor(urlEqualTo(TOKEN)))).hasSize(2);
  }

  // ---- versions and arguments ----

  @Test
  void whenBuiltForEachDateVersionThenEveryCallGoesToThatVersionsPaths() {
    for (ApiVersion version : ApiVersion.all()) {
      if (!version.isDated()) {
        continue;
      }
      HUBSPOT.resetAll();
      String root = "/oauth/" + version.pathSegment() + "/";
      HUBSPOT.stubFor(
          post(urlEqualTo(root + "token")).willReturn(json(200, "AccessTokenResponseExample")));
      HUBSPOT.stubFor(
          post(urlEqualTo(root + "token/introspect"))
              .willReturn(json(200, "AccessTokenIntrospectionExample")));
      HUBSPOT.stubFor(
          post(urlEqualTo(root + "token/revoke")).willReturn(aResponse().withStatus(200)));
      HubSpotOAuthClient client =
          builders
              .get()
              .baseUrl(HUBSPOT.baseUrl())
              .credentials(OAuthCredentials.of(CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN))
              .apiVersion(version)
              .build();

      client.refreshAccessToken(REFRESH_TOKEN);
      client.introspect("a-token");
      client.revokeRefreshToken(REFRESH_TOKEN);

      assertThat(HUBSPOT.getAllServeEvents())
          .as("requests of a client on %s", version)
          .hasSize(3)
          .allSatisfy(e -> assertThat(e.getRequest().getUrl()).startsWith(root));
    }
  }

  @Test
  void whenBuiltWithoutAVersionThenItCallsTheNewestDateVersion() {
    HUBSPOT.stubFor(post(urlEqualTo(TOKEN)).willReturn(json(200, "AccessTokenResponseExample")));

    client(REFRESH_TOKEN).refreshAccessToken(REFRESH_TOKEN);

    assertThat(only(TOKEN).getUrl())
        .isEqualTo("/oauth/" + ApiVersion.all().get(ApiVersion.all().size() - 1) + "/token");
  }

  @Test
  void whenAV1OnlyCallIsMadeOnTheDefaultVersionThenItFailsNamingIntrospectAndSendsNothing() {
    HubSpotOAuthClient client = client(REFRESH_TOKEN);

    assertThatThrownBy(() -> client.getAccessTokenMetadata("a"))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("use introspect(token)")
        .hasMessageContaining(".apiVersion(ApiVersion.V1)");
    assertThatThrownBy(() -> client.getRefreshTokenMetadata("r"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(HUBSPOT.getAllServeEvents()).isEmpty();
  }

  @Test
  void whenArgumentsAreMissingOrInvalidThenTheMessageNamesThem() {
    HubSpotOAuthClient client = client(REFRESH_TOKEN);

    assertThatThrownBy(() -> client.introspect(null)).hasMessage("token");
    assertThatThrownBy(() -> client.exchangeAuthorizationCode("c", "https://a.example", null))
        .hasMessage("codeVerifier");
    assertThatThrownBy(() -> client.clientCredentialsToken(null)).hasMessage("scopes");
    assertThatThrownBy(() -> client.clientCredentialsTokenProvider(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scopes must hold at least one scope, none blank");
    assertThat(HUBSPOT.getAllServeEvents()).isEmpty();
  }

  @Test
  void whenTheErrorBodyEchoesSecretsThenTheExceptionRedactsThem() {
    ObjectNode body = (ObjectNode) SPEC.node("ChangelogRefreshTokenErrorExample");
    body.put("message", "bad " + REFRESH_TOKEN + " for " + CLIENT_SECRET);
    HUBSPOT.stubFor(post(urlEqualTo(REVOKE)).willReturn(jsonBody(400, body.toString())));

    HubSpotOAuthException e =
        catchThrowableOfType(
            HubSpotOAuthException.class,
            () -> client(REFRESH_TOKEN).revokeRefreshToken(REFRESH_TOKEN));

    List<String> texts = new ArrayList<>(List.of(e.getMessage(), e.serverMessage().orElseThrow()));
    assertThat(texts).allSatisfy(t -> assertThat(t).doesNotContain(REFRESH_TOKEN, CLIENT_SECRET));
  }

  // ---- fixtures ----

  private HubSpotOAuthClient client(String refreshToken) {
    return builders
        .get()
        .baseUrl(HUBSPOT.baseUrl())
        .credentials(
            refreshToken == null
                ? OAuthCredentials.of(CLIENT_ID, CLIENT_SECRET)
                : OAuthCredentials.of(CLIENT_ID, CLIENT_SECRET, refreshToken))
        .tokenProviderOptions(
            TokenProviderOptions.builder()
                .clock(clock)
                .sleeper(sleeper)
                .retryPolicy(
                    RetryPolicy.builder()
                        .maxAttempts(4)
                        .initialBackoff(Duration.ofSeconds(1))
                        .jitter(() -> 0.0)
                        .build())
                .refreshTokenListener(rotations::add)
                .build())
        .build();
  }

  /** The example's form without {@code token_type_hint}, which the client does not send. */
  private static Map<String, String> introspectForm(String example) {
    Map<String, String> form = SPEC.fields(example);
    form.remove("token_type_hint");
    return form;
  }

  private static void assertMatchesUserTokensExample(UserTokens tokens) {
    JsonNode example = SPEC.node("AccessTokenResponseExample");
    assertThat(tokens.accessToken()).isEqualTo(example.get("access_token").asText());
    assertThat(tokens.refreshToken()).isEqualTo(example.get("refresh_token").asText());
    assertThat(tokens.expiresIn())
        .isEqualTo(Duration.ofSeconds(example.get("expires_in").asLong()));
    assertThat(tokens.tokenType()).isEqualTo(example.get("token_type").asText());
    assertThat(tokens.scopes()).containsExactly("oauth", "crm.objects.contacts.read");
    assertThat(tokens.hubId()).contains(example.get("hub_id").asLong());
    assertThat(tokens.userId()).contains(example.get("user_id").asLong());
    assertThat(tokens.toString()).doesNotContain(tokens.accessToken(), tokens.refreshToken());
  }

  /** The exception carries the example's fields; those it lacks (category, ...) stay empty. */
  private static void assertMatchesErrorExample(
      HubSpotOAuthException e, int status, String example, String operation) {
    JsonNode body = SPEC.node(example);
    assertThat(e).isNotNull();
    assertThat(e.operation()).isEqualTo(operation);
    assertThat(e.httpStatus()).isEqualTo(status);
    assertThat(e.serverMessage()).hasValue(body.get("message").asText());
    assertThat(e.category().orElse(null)).isEqualTo(text(body, "category"));
    assertThat(e.correlationId().orElse(null)).isEqualTo(text(body, "correlationId"));
    assertThat(e.hubSpotStatus().orElse(null)).isEqualTo(text(body, "status"));
    assertThat(e.error().orElse(null)).isEqualTo(text(body, "error"));
    assertThat(e.errorDescription().orElse(null)).isEqualTo(text(body, "error_description"));
    assertThat(e.errors()).hasSize(body.path("errors").size());
    assertThat(e.getMessage())
        .contains("HTTP " + status, body.get("message").asText())
        .doesNotContain(CLIENT_SECRET, REFRESH_TOKEN);
  }

  private static LoggedRequest only(String path) {
    List<LoggedRequest> requests = HUBSPOT.findAll(postRequestedFor(urlEqualTo(path)));
    assertThat(requests).as("requests received").hasSize(1);
    return requests.get(0);
  }

  private static ResponseDefinitionBuilder json(int status, String example) {
    return jsonBody(status, SPEC.json(example));
  }

  private static ResponseDefinitionBuilder jsonBody(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  private static ResponseDefinitionBuilder tokenResponse(String accessToken, String refreshToken) {
    ObjectNode body = (ObjectNode) SPEC.node("AccessTokenResponseExample");
    body.put("access_token", accessToken).put("refresh_token", refreshToken);
    return jsonBody(200, body.toString());
  }

  private static ResponseDefinitionBuilder clientCredentialsResponse(String accessToken) {
    ObjectNode body = (ObjectNode) SPEC.node("ClientCredentialsTokenResponseExample");
    body.put("access_token", accessToken);
    return jsonBody(200, body.toString());
  }
}
