package dev.oauthkit.hubspot.contract.verifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.oauthkit.hubspot.contract.spec.ContractSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verifier against a deliberately wrong server: one field of one response has the wrong type,
 * or every answer's Content-Type only starts with the documented media type.
 */
class WrongServerVerifierTest {

  private static final String VALID_ERROR =
      "{\"category\":\"UNAUTHORIZED\",\"correlationId\":\"aeb5f871-7f07-4993-9211-075dc63e7cbf\","
          + "\"message\":\"Invalid or expired token\"}";
  private static final String WRONG_ERROR = VALID_ERROR.replace("\"UNAUTHORIZED\"", "7");

  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().disableRequestJournal());
    server.start();
    server.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(VALID_ERROR)));
    server.stubFor(
        get(urlPathMatching("/oauth/v1/access-tokens/.*"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(WRONG_ERROR)));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  /** The verifier against the WireMock server, 20 requests per operation, seed 7. */
  private VerifierRun verify(Path reports) {
    return VerifierRun.of(
        "--base-url=" + server.baseUrl(),
        "--report=" + reports,
        "--requests-per-operation=20",
        "--seed=7");
  }

  @Test
  void whenOneFieldHasTheWrongTypeThenTheVerifierFailsAndNamesIt(@TempDir Path reports)
      throws Exception {
    VerifierRun run = verify(reports);

    assertThat(run.exit()).isEqualTo(VerifierMain.FAILED);
    assertThat(run.out())
        .startsWith("Checking " + server.baseUrl() + " with seed 7 (replay: --seed=7)\n")
        .contains(
            "Server contract: "
                + server.baseUrl()
                + "\nAPI versions checked: "
                + String.join(", ", ContractSpec.packagedAll().versions())
                + "\nFAILED")
        .contains("getAccessTokenMetadata")
        .contains("body violates the schema at /category: integer found, string expected");
    assertThat(run.lastLine()).matches("FAILED: \\d+ violations \\(first: \\[bad-input\\] .*\\)");
    assertThat(Files.readString(reports.resolve("TEST-hubspot-oauth-server-contract.xml")))
        .contains("<failure message=\"status 401 body violates the schema at /category");
    assertThat(reports.resolve("summary.txt")).exists();
  }

  @Test
  void whenContentTypeOnlyStartsWithTheDocumentedMediaTypeThenTheVerifierFailsAndNamesIt(
      @TempDir Path reports) {
    server.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/jsonfoo")
                    .withBody(VALID_ERROR)));
    VerifierRun run = verify(reports);

    assertThat(run.exit()).isEqualTo(VerifierMain.FAILED);
    assertThat(run.out())
        .contains("getAccessTokenMetadata")
        .contains("status 401 must be application/json, got application/jsonfoo");
  }

  @Test
  void whenServerIsUnreachableThenTheLastLineSaysSoWithAHintAndNoTableIsPrinted(
      @TempDir Path reports) {
    String deadUrl = server.baseUrl();
    server.stop();
    VerifierRun run = VerifierRun.of("--base-url=" + deadUrl, "--report=" + reports);

    assertThat(run.exit()).isEqualTo(VerifierMain.FAILED);
    assertThat(run.lastLine())
        .startsWith("FAILED: cannot reach " + deadUrl + " (ConnectException")
        .endsWith("): is the server running, and is --base-url right?");
    assertThat(run.out()).doesNotContain("operation ").containsOnlyOnce("cannot reach");
  }

  @Test
  void whenEveryRequestGets404ThenTheLastLineSaysToCheckTheBaseUrl(@TempDir Path reports) {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
    VerifierRun run =
        VerifierRun.of("--base-url=" + server.baseUrl() + "/oauth", "--report=" + reports);

    assertThat(run.exit()).isEqualTo(VerifierMain.FAILED);
    assertThat(run.lastLine())
        .isEqualTo(
            "FAILED: every request got 404: check --base-url (it should be the server root, e.g."
                + " http://127.0.0.1:8080, without /oauth)");
    assertThat(run.out()).doesNotContain("operation ").doesNotContain("is not documented");
  }

  @Test
  void whenOneVersionAnswers404EverywhereThenTheLastLineNamesTheVersionsToCheck(
      @TempDir Path reports) {
    server.stubFor(any(urlPathMatching("/oauth/v1/.*")).willReturn(aResponse().withStatus(404)));
    List<String> others =
        ContractSpec.packagedAll().versions().stream().filter(v -> !v.equals("v1")).toList();
    VerifierRun run = VerifierRun.of("--base-url=" + server.baseUrl(), "--report=" + reports);

    assertThat(run.exit()).isEqualTo(VerifierMain.FAILED);
    assertThat(run.lastLine())
        .isEqualTo(
            "FAILED: every request to API v1 got 404: the server does not serve it; check the"
                + " versions it serves with --api-versions="
                + String.join(",", others));
    assertThat(run.out()).doesNotContain("operation ");
  }
}
