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
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verifier against a deliberately wrong server: one field of one response has the wrong type.
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

  @Test
  void whenOneFieldHasTheWrongTypeThenTheVerifierFailsAndNamesIt(@TempDir Path reports)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int exit =
        VerifierMain.run(
            new String[] {
              "--base-url=" + server.baseUrl(),
              "--report=" + reports,
              "--requests-per-operation=20",
              "--seed=7"
            },
            Map.<String, String>of()::get,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    String summary = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).isEqualTo(VerifierMain.FAILED);
    assertThat(summary)
        .startsWith("Checking " + server.baseUrl() + " with seed 7 (replay: --seed=7)\n")
        .contains(
            "Server contract: "
                + server.baseUrl()
                + "\nAPI versions checked: "
                + String.join(", ", ContractSpec.packagedAll().versions())
                + "\nFAILED")
        .contains("getAccessTokenMetadata")
        .contains("body violates the schema at /category: integer found, string expected");
    assertThat(lastLine(summary))
        .matches("FAILED: \\d+ violations \\(first: \\[bad-input\\] .*\\)");
    assertThat(Files.readString(reports.resolve("TEST-hubspot-oauth-server-contract.xml")))
        .contains("<failure message=\"status 401 body violates the schema at /category");
    assertThat(reports.resolve("summary.txt")).exists();
  }

  @Test
  void whenServerIsUnreachableThenTheLastLineSaysSoWithAHintAndNoTableIsPrinted(
      @TempDir Path reports) {
    String deadUrl = server.baseUrl();
    server.stop();
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int exit = run(out, "--base-url=" + deadUrl, "--report=" + reports);

    String output = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).isEqualTo(VerifierMain.FAILED);
    assertThat(lastLine(output))
        .startsWith("FAILED: cannot reach " + deadUrl + " (ConnectException")
        .endsWith("): is the server running, and is --base-url right?");
    assertThat(output).doesNotContain("operation ").containsOnlyOnce("cannot reach");
  }

  @Test
  void whenEveryRequestGets404ThenTheLastLineSaysToCheckTheBaseUrl(@TempDir Path reports) {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int exit = run(out, "--base-url=" + server.baseUrl() + "/oauth", "--report=" + reports);

    String output = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).isEqualTo(VerifierMain.FAILED);
    assertThat(lastLine(output))
        .isEqualTo(
            "FAILED: every request got 404: check --base-url (it should be the server root, e.g."
                + " http://127.0.0.1:8080, without /oauth)");
    assertThat(output).doesNotContain("operation ").doesNotContain("is not documented");
  }

  @Test
  void whenOneVersionAnswers404EverywhereThenTheLastLineNamesTheVersionsToCheck(
      @TempDir Path reports) {
    server.stubFor(any(urlPathMatching("/oauth/v1/.*")).willReturn(aResponse().withStatus(404)));
    List<String> others =
        ContractSpec.packagedAll().versions().stream().filter(v -> !v.equals("v1")).toList();
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int exit = run(out, "--base-url=" + server.baseUrl(), "--report=" + reports);

    String output = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).isEqualTo(VerifierMain.FAILED);
    assertThat(lastLine(output))
        .isEqualTo(
            "FAILED: every request to API v1 got 404: the server does not serve it; check the"
                + " versions it serves with --api-versions="
                + String.join(",", others));
    assertThat(output).doesNotContain("operation ");
  }

  private static int run(ByteArrayOutputStream out, String... args) {
    return VerifierMain.run(
        args,
        Map.<String, String>of()::get,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  private static String lastLine(String output) {
    String[] lines = output.strip().split("\n");
    return lines[lines.length - 1];
  }
}
