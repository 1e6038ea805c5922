package dev.oauthkit.hubspot.sandbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.sandbox.testing.InProcessSandbox;
import dev.oauthkit.hubspot.sandbox.testing.RawHttp;
import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp;
import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp.Answer;
import dev.oauthkit.hubspot.sandbox.testing.SpecSchemas;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP rules, against the real Spring application started in this JVM on a free port with the
 * memory store: every answer to bad input is a documented status with a valid Error body.
 */
class HttpRulesTest {

  private static final String TOKEN_PATH = "/oauth/v1/token";
  private static final String ACCESS_PATH = "/oauth/v1/access-tokens/{token}";
  private static final String REDIRECT = "http://localhost:3000/cb";

  @TempDir static Path temp;
  private static InProcessSandbox sandbox;
  private static SandboxHttp http;
  private static String clientId;
  private static String secret;

  @BeforeAll
  static void start() {
    sandbox = InProcessSandbox.start(temp);
    http = sandbox.http();
    Answer app = http.createApp(REDIRECT);
    assertThat(app.status()).isEqualTo(201);
    clientId = app.text("client_id");
    secret = app.text("client_secret");
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void whenContentTypeIsNotAFormThenTheTokenEndpointAnswers400() {
    assertTokenError(http.tokenRaw("application/json", "{\"grant_type\":\"x\"}".getBytes()), 400);
    assertTokenError(http.tokenRaw(null, "grant_type=refresh_token".getBytes()), 400);
  }

  @Test
  void whenBodyIsEmptyThen400NamesEveryRequiredField() {
    Answer answer = http.tokenRaw("application/x-www-form-urlencoded", new byte[0]);

    assertTokenError(answer, 400);
    assertThat(answer.json().path("errors").findValuesAsString("message"))
        .containsExactly(
            "grant_type is required", "client_id is required", "client_secret is required");
    assertThat(answer.text("status")).isEqualTo("BAD_GRANT_TYPE");
  }

  @Test
  void whenFormIsBadlyEncodedThenTheTokenEndpointAnswers400() {
    assertTokenError(
        http.tokenRaw("application/x-www-form-urlencoded", "code=%zz".getBytes()), 400);
    assertTokenError(
        http.tokenRaw("application/x-www-form-urlencoded", new byte[] {'c', '=', (byte) 0xC3, '('}),
        400);
    assertTokenError(
        http.tokenRaw("application/x-www-form-urlencoded; charset=nope", "a=b".getBytes()), 400);
  }

  @Test
  void whenBodyIsLargerThan64KiBThenTheTokenEndpointAnswers400() {
    byte[] body = ("grant_type=refresh_token&pad=" + "x".repeat(70_000)).getBytes();

    assertTokenError(http.tokenRaw("application/x-www-form-urlencoded", body), 400);
  }

  @Test
  void whenAChunkedBodyIsLongerThanOneReadThenEveryFieldIsRead() {
    byte[] body =
        ("pad="
                + "x".repeat(20_000)
                + "&client_id="
                + clientId
                + "&client_secret="
                + secret
                + "&grant_type=password")
            .getBytes(StandardCharsets.US_ASCII);

    Answer answer =
        http.send(
            HttpRequest.newBuilder(http.uri(TOKEN_PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body))));

    assertTokenError(answer, 400);
    assertThat(answer.text("error")).isEqualTo("unsupported_grant_type");
  }

  @Test
  void whenAFieldIsRepeatedThenTheTokenEndpointAnswers400() {
    Answer answer =
        http.tokenRaw(
            "application/x-www-form-urlencoded",
            "grant_type=refresh_token&refresh_token=a&refresh_token=b".getBytes());

    assertTokenError(answer, 400);
    assertThat(answer.body()).contains("refresh_token is repeated");
  }

  @Test
  void whenGrantTypeIsUnknownThenTheTokenEndpointAnswers400() {
    Answer answer =
        http.token(
            Map.of("grant_type", "password", "client_id", clientId, "client_secret", secret));

    assertTokenError(answer, 400);
    assertThat(answer.text("error")).isEqualTo("unsupported_grant_type");
  }

  @Test
  void whenClientCredentialsAreWrongThenTheTokenEndpointAnswers401() {
    Answer unknown = http.refresh("nobody", secret, "t");
    Answer wrong = http.refresh(clientId, "wrong", "t");

    assertTokenError(unknown, 401);
    assertTokenError(wrong, 401);
    assertThat(unknown.text("status")).isEqualTo("BAD_CLIENT_ID");
    assertThat(wrong.text("status")).isEqualTo("BAD_CLIENT_SECRET");
  }

  @Test
  void whenMetadataPathTokenIsOddThenTheAnswerIs401() {
    for (String token :
        List.of("x", "a%2Fb", "%2e%2e", "a%20b", "%C3%28", "a;b=c", "x".repeat(4000), "a/b", "")) {
      for (String kind : List.of("access-tokens", "refresh-tokens")) {
        Answer answer = http.get("/oauth/v1/" + kind + "/" + token);
        assertError(answer, 401, SpecSchemas.hubspot());
      }
      assertError(http.delete("/oauth/v1/refresh-tokens/" + token), 401, SpecSchemas.hubspot());
    }
  }

  @Test
  void whenRouteOrMethodIsUnknownThenTheAnswerIsAJsonError() {
    assertError(http.get("/nope"), 404, SpecSchemas.hubspot());
    Answer wrongMethod = http.get(TOKEN_PATH);
    assertError(wrongMethod, 405, SpecSchemas.hubspot());
    assertThat(wrongMethod.header("Allow")).contains("POST");
  }

  @Test
  void whenClientAsksForHtmlThenTheAnswerIsStillJson() {
    Answer answer =
        http.send(
            HttpRequest.newBuilder(http.uri("/oauth/v1/access-tokens/x"))
                .header("Accept", "text/html"));

    assertError(answer, 401, SpecSchemas.hubspot());
  }

  @Test
  void whenAdminKeyIsMissingOrWrongThenTheAdminApiAnswers401() {
    Answer missing =
        http.send(
            HttpRequest.newBuilder(http.uri("/sandbox/v1/apps"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    Answer wrong = SandboxHttp.on(http.uri("/").getPort(), "wrong-key").createApp(REDIRECT);

    assertError(missing, 401, SpecSchemas.admin());
    assertError(wrong, 401, SpecSchemas.admin());
    assertThat(wrong.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void whenAdminBodyIsBadThenTheAdminApiAnswers400NamingTheField() {
    assertError(http.adminPost("/sandbox/v1/apps", "{not json"), 400, SpecSchemas.admin());
    assertError(http.adminPost("/sandbox/v1/apps", ""), 400, SpecSchemas.admin());
    Answer missing = http.adminPost("/sandbox/v1/apps", "{\"name\":\"x\"}");
    assertError(missing, 400, SpecSchemas.admin());
    assertThat(missing.body()).contains("redirect_uris", "scopes");
    Answer badUri =
        http.adminPost(
            "/sandbox/v1/apps",
            "{\"name\":\"x\",\"redirect_uris\":[\"not a uri\"],\"scopes\":[\"oauth\"]}");
    assertError(badUri, 400, SpecSchemas.admin());
    Answer wrongType =
        http.adminPost(
            "/sandbox/v1/authorization-codes",
            "{\"client_id\":\""
                + clientId
                + "\",\"redirect_uri\":\""
                + REDIRECT
                + "\",\"hub_id\":\"big\"}");
    assertError(wrongType, 400, SpecSchemas.admin());
    assertThat(wrongType.body()).contains("hub_id");
    Answer unknownClient = http.createCode("nobody", REDIRECT);
    assertError(unknownClient, 400, SpecSchemas.admin());
    assertThat(unknownClient.body()).contains("client_id");
  }

  @Test
  void whenTheRootIsOpenedThenAnHtmlIndexLinksTheDemoAppsAuthorizePage() {
    Answer index = http.get("/");

    assertThat(index.status()).isEqualTo(200);
    assertThat(index.header("Content-Type")).startsWith("text/html");
    java.util.regex.Matcher link =
        java.util.regex.Pattern.compile("id=\"authorize\" href=\"([^\"]+)\"").matcher(index.body());
    assertThat(link.find()).isTrue();
    Answer consent = http.get(link.group(1).replace("&amp;", "&"));
    assertThat(consent.status()).isEqualTo(200);
    assertThat(consent.body()).contains("csrf_token");
  }

  @Test
  void whenTheHostIsNotOneTheSandboxServesThenEveryPathAnswers421WithAnErrorBody() {
    int port = http.uri("/").getPort();
    for (String path : List.of(TOKEN_PATH, "/sandbox/v1/health", "/oauth/authorize", "/")) {
      RawHttp.Answer refused = get(port, path, "rebound.example:" + port);

      assertThat(refused.status()).as(path).isEqualTo(421);
      assertThat(SpecSchemas.hubspot().validate("Error", refused.body())).isEmpty();
      assertThat(refused.body()).contains("MISDIRECTED_REQUEST");
      assertThat(refused.header("X-HubSpot-Correlation-Id")).isNotBlank();
    }
    for (String host : List.of("localhost", "localhost:" + port, "127.0.0.1:" + port)) {
      assertThat(get(port, "/sandbox/v1/health", host).status()).as(host).isEqualTo(200);
    }
  }

  /**
   * Characters a token in a path should never hold but a client may send raw ({@code " < > [ \ ] ^
   * ` { | }}) reach the operation, which documents only 401 for a bad token: not a 400 from the
   * request line's parser.
   */
  @Test
  void whenAMetadataOrRevokePathHoldsCharactersTomcatWouldRefuseThenItIsA401() {
    int port = http.uri("/").getPort();
    for (String request :
        List.of(
            "GET /oauth/v1/access-tokens/a{b",
            "GET /oauth/v1/refresh-tokens/a|b",
            "DELETE /oauth/v1/refresh-tokens/a\"b",
            "GET /oauth/v1/access-tokens/a\\b^c`d")) {
      RawHttp.Answer answer =
          RawHttp.send(
              port,
              (request + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));

      assertThat(answer.status()).as(request).isEqualTo(401);
      assertThat(answer.header("Content-Type")).as(request).startsWith("application/json");
    }
  }

  /**
   * A transfer coding Tomcat does not know (it answers 501) is the client's mistake: the
   * operation's documented 400, or 401 on a v1 metadata or revoke path, never an undocumented 501.
   */
  @Test
  void whenTheTransferCodingIsUnknownThenTheDocumented4xxNotA501() {
    int port = http.uri("/").getPort();
    RawHttp.Answer token =
        RawHttp.send(
            port,
            ("POST /oauth/v1/token HTTP/1.1\r\nHost: 127.0.0.1:"
                    + port
                    + "\r\nContent-Type: application/x-www-form-urlencoded"
                    + "\r\nTransfer-Encoding: gzip, chunked\r\nConnection: close\r\n\r\n0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    RawHttp.Answer revoke =
        RawHttp.send(
            port,
            ("DELETE /oauth/v1/refresh-tokens/abc HTTP/1.1\r\nHost: 127.0.0.1:"
                    + port
                    + "\r\nTransfer-Encoding: br\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));

    assertThat(token.status()).isEqualTo(400);
    assertThat(token.body()).contains("Transfer-Encoding");
    assertThat(revoke.status()).isEqualTo(401);
  }

  private static RawHttp.Answer get(int port, String path, String host) {
    return RawHttp.send(
        port,
        ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void whenAdminJsonIsLooseThenTheAdminApiAnswers400() {
    String code = "{\"client_id\":\"" + clientId + "\",\"redirect_uri\":\"" + REDIRECT + "\"";
    Answer fraction = http.adminPost("/sandbox/v1/authorization-codes", code + ",\"hub_id\":1.5}");
    Answer quoted = http.adminPost("/sandbox/v1/authorization-codes", code + ",\"hub_id\":\"7\"}");
    Answer duplicate =
        http.adminPost(
            "/sandbox/v1/authorization-codes",
            code + ",\"redirect_uri\":\"http://localhost:3000/other\"}");
    Answer unknown = http.adminPost("/sandbox/v1/authorization-codes", code + ",\"hubid\":7}");
    Answer nullScope =
        http.adminPost("/sandbox/v1/authorization-codes", code + ",\"scopes\":[\"oauth\",null]}");

    for (Answer answer : List.of(fraction, quoted, duplicate, unknown, nullScope)) {
      assertError(answer, 400, SpecSchemas.admin());
    }
    assertThat(fraction.body()).contains("hub_id");
    assertThat(unknown.body()).contains("hubid");
    assertThat(nullScope.body()).contains("scopes must not hold a null or blank scope");
    assertThat(http.createCode(clientId, REDIRECT).status()).isEqualTo(201);
  }

  @Test
  void whenAdminJsonHasAnUnknownFieldThenThe400NamesItAndTheFieldsThereAre() {
    Answer app =
        http.adminPost(
            "/sandbox/v1/apps",
            "{\"name\":\"a\",\"redirect_urls\":[\"" + REDIRECT + "\"],\"scopes\":[\"oauth\"]}");

    assertError(app, 400, SpecSchemas.admin());
    assertThat(app.body())
        .contains("redirect_urls is not a field of this request; the fields are ")
        .contains("redirect_uris")
        .doesNotContain("wrong type");
  }

  @Test
  void whenAdminCallsSucceedThenBodiesMatchTheAdminSpec() {
    Answer app = http.createApp(REDIRECT);
    Answer code = http.createCode(app.text("client_id"), REDIRECT);

    assertThat(SpecSchemas.admin().validate("App", app.body())).isEmpty();
    assertThat(code.status()).isEqualTo(201);
    assertThat(SpecSchemas.admin().validate("AuthorizationCode", code.body())).isEmpty();
    assertThat(code.json().path("expires_in").asInt()).isEqualTo(600);
  }

  @Test
  void whenConsentIsGivenThenTheBrowserIsSentBackWithACodeThatExchanges() {
    String query =
        "client_id="
            + clientId
            + "&scope=oauth%20crm.objects.contacts.read&redirect_uri="
            + SandboxHttp.encode(REDIRECT)
            + "&state=xyz";
    Answer page = http.get("/oauth/authorize?" + query);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");

    Answer approved =
        http.send(
            HttpRequest.newBuilder(http.uri("/oauth/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        query.replace("%20", "+")
                            + "&decision=approve&csrf_token="
                            + SandboxHttp.csrfToken(page))));

    assertThat(approved.status()).isEqualTo(302);
    String location = approved.header("Location");
    assertThat(location).startsWith(REDIRECT + "?code=").endsWith("&state=xyz");
    String code = location.substring(location.indexOf("code=") + 5, location.indexOf("&state"));
    assertThat(http.exchange(clientId, secret, REDIRECT, code).status()).isEqualTo(200);
    // A bad link gets the consent flow's HTML error page (ConsentPageTest), never a redirect.
    assertThat(http.get("/oauth/authorize?client_id=nobody").status()).isEqualTo(400);
  }

  @Test
  void whenBadRequestsArriveThenTokensAlreadyIssuedStayValid() {
    Answer code = http.createCode(clientId, REDIRECT);
    Answer tokens = http.exchange(clientId, secret, REDIRECT, code.text("code"));
    assertThat(tokens.status()).isEqualTo(200);
    assertThat(SpecSchemas.hubspot().validate("TokenResponse", tokens.body())).isEmpty();

    whenFormIsBadlyEncodedThenTheTokenEndpointAnswers400();
    whenBodyIsLargerThan64KiBThenTheTokenEndpointAnswers400();
    whenMetadataPathTokenIsOddThenTheAnswerIs401();

    Answer access = http.get("/oauth/v1/access-tokens/" + tokens.text("access_token"));
    assertThat(access.status()).isEqualTo(200);
    assertThat(SpecSchemas.hubspot().validate("AccessTokenMetadata", access.body())).isEmpty();
    Answer refresh = http.get("/oauth/v1/refresh-tokens/" + tokens.text("refresh_token"));
    assertThat(SpecSchemas.hubspot().validate("RefreshTokenMetadata", refresh.body())).isEmpty();
  }

  @Test
  void whenAFaultIsArmedThenTheNextRequestsFailWith500AndThenServeNormally() {
    Answer armed =
        http.adminPost(
            "/sandbox/v1/faults",
            "{\"operation_id\":\"getAccessTokenMetadata\",\"status\":500,\"count\":2}");
    assertThat(armed.status()).isEqualTo(201);
    assertThat(SpecSchemas.admin().validate("Fault", armed.body())).isEmpty();

    Answer first = http.get("/oauth/v1/access-tokens/anything");
    Answer second = http.get("/oauth/v1/access-tokens/anything");
    Answer third = http.get("/oauth/v1/access-tokens/anything");

    assertThat(SpecSchemas.hubspot().statuses(ACCESS_PATH, "get")).contains(500);
    assertError(first, 500, SpecSchemas.hubspot());
    assertThat(first.text("category")).isEqualTo("SERVER_ERROR");
    assertError(second, 500, SpecSchemas.hubspot());
    assertError(third, 401, SpecSchemas.hubspot());
  }

  @Test
  void whenAFaultNamesAnUnknownOperationOrCountThenTheAdminApiAnswers400() {
    Answer unknown =
        http.adminPost("/sandbox/v1/faults", "{\"operation_id\":\"deleteEverything\"}");
    Answer zero =
        http.adminPost(
            "/sandbox/v1/faults", "{\"operation_id\":\"revokeRefreshToken\",\"count\":0}");

    assertError(unknown, 400, SpecSchemas.admin());
    assertError(zero, 400, SpecSchemas.admin());
    assertThat(zero.body()).contains("count");
    assertThat(http.delete("/oauth/v1/refresh-tokens/unknown").status()).isEqualTo(401);
  }

  private static void assertTokenError(Answer answer, int status) {
    assertThat(SpecSchemas.hubspot().statuses(TOKEN_PATH, "post")).contains(status);
    assertError(answer, status, SpecSchemas.hubspot());
    assertThat(answer.text("error")).isNotBlank();
    assertThat(answer.text("error_description")).isNotBlank();
    assertThat(answer.text("status")).isNotBlank();
  }

  static void assertError(Answer answer, int status, SpecSchemas spec) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    assertThat(spec.validate("Error", answer.body())).as(answer.body()).isEmpty();
    String correlationId = answer.text("correlationId");
    assertThat(UUID.fromString(correlationId).version()).isEqualTo(4);
    assertThat(answer.header("X-HubSpot-Correlation-Id")).isEqualTo(correlationId);
    assertThat(answer.body()).doesNotContain("Exception", "\tat ", "<html");
    if (status == 401
        && spec == SpecSchemas.hubspot()
        && answer.response().uri().getPath().contains("-tokens/")) {
      assertThat(SpecSchemas.hubspot().statuses(ACCESS_PATH, "get")).contains(401);
    }
  }
}
