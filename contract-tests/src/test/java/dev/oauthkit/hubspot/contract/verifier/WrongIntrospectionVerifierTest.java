package dev.oauthkit.hubspot.contract.verifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.oauthkit.hubspot.contract.spec.ContractSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verifier against a server that keeps every other answer of both versions valid but answers
 * 2026-03 introspection without {@code active}, the one field RFC 7662 requires.
 */
class WrongIntrospectionVerifierTest {

  private static final String VALID_ERROR =
      "{\"error\":\"invalid_client\",\"category\":\"UNAUTHORIZED\","
          + "\"correlationId\":\"aeb5f871-7f07-4993-9211-075dc63e7cbf\","
          + "\"message\":\"missing or invalid client credentials\"}";
  private static final String WITHOUT_ACTIVE =
      "{\"token_use\":\"refresh_token\",\"token\":\"6f18f26a\",\"token_type\":\"bearer\","
          + "\"client_id\":\"a1b2c3d4\",\"app_id\":456789,\"hub_id\":62515,\"user_id\":123456,"
          + "\"scopes\":[\"oauth\"]}";

  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().disableRequestJournal());
    server.start();
    server.stubFor(any(anyUrl()).willReturn(json(401, VALID_ERROR)));
    server.stubFor(
        post(urlPathEqualTo("/oauth/2026-03/token/introspect"))
            .willReturn(json(200, WITHOUT_ACTIVE)));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void whenIntrospectionLacksActiveThenTheVerifierFailsAndNamesTheField(@TempDir Path reports)
      throws Exception {
    VerifierRun run =
        VerifierRun.of(
            "--base-url=" + server.baseUrl(),
            "--report=" + reports,
            "--requests-per-operation=20",
            "--seed=7");

    String summary = run.out();
    assertThat(run.exit()).isEqualTo(VerifierMain.FAILED);
    assertThat(summary)
        .contains("Property-based failure in introspectToken: seed 7 (replay: --seed=7)")
        .contains(
            "fails with: status 200 body violates the schema at /active: required property"
                + " 'active' not found");
    assertThat(Files.readString(reports.resolve("TEST-hubspot-oauth-server-contract.xml")))
        .containsPattern(
            "<testcase classname=\"server-contract\\.bad-input\\.introspectToken\"[^>]*>\\s*"
                + "<failure message=\"status 200 body violates the schema at /active: required"
                + " property &apos;active&apos; not found");
  }

  @Test
  void whenOnlyTheDateVersionsAreCheckedThenIntrospectionWithoutActiveStillFails(
      @TempDir Path reports) {
    String dates =
        ContractSpec.packagedAll().versions().stream()
            .filter(version -> !version.equals("v1"))
            .collect(Collectors.joining(","));
    VerifierRun run =
        VerifierRun.of(
            "--base-url=" + server.baseUrl(),
            "--report=" + reports,
            "--requests-per-operation=20",
            "--seed=7",
            "--api-versions=" + dates);

    assertThat(run.exit()).isEqualTo(VerifierMain.FAILED);
    assertThat(run.out())
        .contains("API versions checked: " + dates.replace(",", ", ") + "\n")
        .doesNotContain("API v1\n")
        .doesNotContain("/oauth/v1/")
        .contains("/active: required property 'active' not found");
    assertThat(run.lastLine()).matches("FAILED: \\d+ violations \\(first: .*\\)");
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }
}
