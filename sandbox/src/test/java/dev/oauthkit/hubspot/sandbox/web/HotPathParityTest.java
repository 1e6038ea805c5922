package dev.oauthkit.hubspot.sandbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.sandbox.testing.InProcessSandbox;
import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp;
import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp.Answer;
import dev.oauthkit.hubspot.sandbox.testing.SpecSchemas;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HotPathFilter} answers refresh grants and access-token metadata without Spring MVC; a
 * query string sends the same request through Spring MVC. Both answers must look alike to a client:
 * status, headers, the same fields, and a body valid against the spec.
 */
class HotPathParityTest {

  private static final String REDIRECT = "http://localhost:3000/cb";
  private static final List<String> HEADERS =
      List.of("Content-Type", "Cache-Control", "X-HubSpot-Correlation-Id");

  @TempDir static Path temp;
  private static InProcessSandbox sandbox;
  private static SandboxHttp http;
  private static String clientId;
  private static String secret;
  private static String refreshToken;
  private static String accessToken;

  @BeforeAll
  static void start() {
    sandbox = InProcessSandbox.start(temp);
    http = sandbox.http();
    Answer app = http.createApp(REDIRECT);
    clientId = app.text("client_id");
    secret = app.text("client_secret");
    Answer tokens =
        http.exchange(clientId, secret, REDIRECT, http.createCode(clientId, REDIRECT).text("code"));
    refreshToken = tokens.text("refresh_token");
    accessToken = tokens.text("access_token");
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void whenARefreshGrantTakesEitherPathThenTheAnswersLookAlike() {
    Answer hot = refresh("/oauth/v1/token");
    Answer spring = refresh("/oauth/v1/token?path=spring");

    assertAlike(hot, spring);
    assertThat(SpecSchemas.hubspot().validate("TokenResponse", hot.body())).isEmpty();
    assertThat(hot.json().propertyNames()).isEqualTo(spring.json().propertyNames());
    assertThat(hot.text("access_token")).isNotEqualTo(spring.text("access_token"));
  }

  @Test
  void whenAccessMetadataTakesEitherPathThenTheAnswersLookAlike() {
    Answer hot = http.get("/oauth/v1/access-tokens/" + accessToken);
    Answer spring = http.get("/oauth/v1/access-tokens/" + accessToken + "?path=spring");

    assertAlike(hot, spring);
    assertThat(SpecSchemas.hubspot().validate("AccessTokenMetadata", hot.body())).isEmpty();
    assertThat(hot.json()).isEqualTo(spring.json());
  }

  @Test
  void whenTheHotPathMeetsAClientMistakeThenTheErrorMatchesSpringsAnswer() {
    Answer unknown = http.get("/oauth/v1/access-tokens/unknown-token");
    Answer badRefresh = http.refresh(clientId, secret, "unknown-refresh-token");
    Answer springUnknown = http.get("/oauth/v1/access-tokens/unknown-token?path=spring");

    assertThat(unknown.status()).isEqualTo(401);
    assertThat(SpecSchemas.hubspot().validate("Error", unknown.body())).isEmpty();
    assertThat(badRefresh.status()).isEqualTo(400);
    assertThat(badRefresh.text("status")).isEqualTo("BAD_REFRESH_TOKEN");
    assertThat(springUnknown.status()).isEqualTo(unknown.status());
    assertThat(withoutCorrelationId(unknown)).isEqualTo(withoutCorrelationId(springUnknown));
    assertThat(unknown.header("Cache-Control")).isEqualTo(springUnknown.header("Cache-Control"));
    assertThat(unknown.text("correlationId")).isEqualTo(unknown.header("X-HubSpot-Correlation-Id"));
  }

  private static tools.jackson.databind.JsonNode withoutCorrelationId(Answer answer) {
    tools.jackson.databind.node.ObjectNode body =
        (tools.jackson.databind.node.ObjectNode) answer.json().deepCopy();
    body.remove("correlationId");
    return body;
  }

  private static Answer refresh(String path) {
    return http.send(
        HttpRequest.newBuilder(http.uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "grant_type=refresh_token&client_id="
                        + clientId
                        + "&client_secret="
                        + SandboxHttp.encode(secret)
                        + "&refresh_token="
                        + SandboxHttp.encode(refreshToken))));
  }

  private static void assertAlike(Answer hot, Answer spring) {
    assertThat(hot.status()).isEqualTo(200).isEqualTo(spring.status());
    assertThat(hot.header("Content-Length")).as("answered by the hot path").isNotNull();
    for (String header : HEADERS) {
      assertThat(hot.header(header)).as(header).isNotNull();
      if (!header.equals("X-HubSpot-Correlation-Id")) {
        assertThat(hot.header(header)).as(header).isEqualTo(spring.header(header));
      }
    }
  }
}
