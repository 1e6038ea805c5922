package dev.oauthkit.hubspot.contract.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.oauthkit.hubspot.contract.spec.ContractSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The date-version flows against a WireMock that plays a sandbox whose refresh answers a new access
 * token: every introspection answers the spec's active access token record, except the one of the
 * refreshed access token, which this server either knows (active) or does not (a dead token).
 */
class DateVersionFlowsTest {

  private static final String REFRESHED = "refreshed-access-token";
  private static final String STEP = "introspect the refreshed access token";
  private static final String ERROR =
      "{\"error\":\"invalid_client\",\"category\":\"UNAUTHORIZED\","
          + "\"correlationId\":\"aeb5f871-7f07-4993-9211-075dc63e7cbf\","
          + "\"message\":\"missing or invalid client credentials\"}";

  private final ContractSpec spec = ContractSpec.packagedAll();
  private final DateApi api = DateApi.in(spec).get(0);
  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().disableRequestJournal());
    server.start();
    server.stubFor(any(anyUrl()).willReturn(json(401, ERROR)));
    server.stubFor(
        post(urlPathEqualTo("/sandbox/v1/apps"))
            .willReturn(json(201, "{\"client_id\":\"client\",\"client_secret\":\"secret\"}")));
    server.stubFor(
        post(urlPathEqualTo("/sandbox/v1/authorization-codes"))
            .willReturn(json(201, "{\"code\":\"code\"}")));
    server.stubFor(post(urlPathEqualTo("/sandbox/v1/faults")).willReturn(json(201, "{}")));
    ObjectNode tokens = (ObjectNode) example(api.create().response(200).orElseThrow().examples());
    server.stubFor(
        post(urlPathEqualTo(api.create().path()))
            .withRequestBody(containing("grant_type=authorization_code"))
            .willReturn(json(200, tokens.toString())));
    server.stubFor(
        post(urlPathEqualTo(api.create().path()))
            .withRequestBody(containing("grant_type=refresh_token"))
            .willReturn(json(200, tokens.deepCopy().put("access_token", REFRESHED).toString())));
    server.stubFor(
        post(urlPathEqualTo(api.introspect().path()))
            .willReturn(json(200, activeAccessToken().toString())));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void whenTheRefreshedAccessTokenIsNotActiveThenTheFlowFailsBeforeAnythingIsRevoked() {
    server.stubFor(
        post(urlPathEqualTo(api.introspect().path()))
            .withRequestBody(containing("token=" + REFRESHED))
            .willReturn(json(200, "{\"active\":false}")));

    List<CaseResult> results = runFlows();

    assertThat(results)
        .filteredOn(result -> result.name().startsWith(STEP))
        .flatMap(CaseResult::problems)
        .contains("expected active true, got false");
    assertThat(firstIndex(results, STEP))
        .isLessThan(firstIndex(results, "revoke the refresh token"));
  }

  @Test
  void whenTheRefreshedAccessTokenIsActiveThenItsIntrospectionPasses() {
    List<CaseResult> results = runFlows();

    assertThat(results)
        .filteredOn(result -> result.name().startsWith(STEP))
        .isNotEmpty()
        .allMatch(CaseResult::passed);
  }

  private List<CaseResult> runFlows() {
    HttpProbe probe = HttpProbe.of(server.baseUrl());
    ContractRun run = new ContractRun(spec, probe);
    SandboxAdmin admin = new SandboxAdmin(probe, "admin-key");
    new DateVersionFlows(run, admin, api).run(admin.createApp("test"));
    return run.results();
  }

  private static int firstIndex(List<CaseResult> results, String prefix) {
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i).name().startsWith(prefix)) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }

  /** The spec's introspection example of an active access token. */
  private JsonNode activeAccessToken() {
    return example(api.introspect().response(200).orElseThrow().examples());
  }

  /** The first example of an answer with {@code token_use} {@code access_token}. */
  private static JsonNode example(Map<String, JsonNode> examples) {
    return examples.values().stream()
        .filter(example -> "access_token".equals(example.path("token_use").asString()))
        .findFirst()
        .map(JsonNode::deepCopy)
        .orElseThrow();
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }
}
