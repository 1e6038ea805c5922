package dev.oauthkit.hubspot.contract.verifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The verifier against a server that answers one kind of generated input wrongly: a token request
 * with {@code redirect_uri} twice gets a 200 without an access token. The run prints its seed and
 * the smallest such request, and the same seed reproduces the same failing requests.
 */
@Execution(
    value = ExecutionMode.CONCURRENT,
    reason = "each test has its own WireMock server and report directory; runs share no state")
class GeneratedFailureVerifierTest {

  private static final String TOKEN_PATH = "/oauth/v1/token";
  private static final String ERROR =
      "{\"category\":\"%s\",\"correlationId\":\"aeb5f871-7f07-4993-9211-075dc63e7cbf\","
          + "\"message\":\"no\"}";
  private static final String SMALLEST =
      "Property-based failure in createOrRefreshAccessToken: seed 99 (replay: --seed=99),"
          + " smallest failing request found: POST /oauth/v1/token"
          + " Content-Type: application/x-www-form-urlencoded body: redirect_uri=&redirect_uri=\n"
          + "    fails with: status 200 body violates the schema at /access_token: required property"
          + " 'access_token' not found";

  private static final Pattern FAILED_TOKEN_CASE =
      Pattern.compile(
          "<testcase classname=\"server-contract\\.generated\\.createOrRefreshAccessToken\""
              + " name=\"([^\"]*)\" time=\"[0-9.]+\">");

  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().disableRequestJournal());
    server.start();
    server.stubFor(any(anyUrl()).willReturn(json(401, ERROR.formatted("UNAUTHORIZED"))));
    server.stubFor(
        post(urlPathEqualTo(TOKEN_PATH)).willReturn(json(400, ERROR.formatted("BAD_REQUEST"))));
    server.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .withRequestBody(matching("(.*&)?redirect_uri=[^&]*&(.*&)?redirect_uri=.*"))
            .willReturn(json(200, "{\"token_type\":\"bearer\",\"expires_in\":1800}")));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void whenAGeneratedRequestFailsThenTheSeedAndTheSmallestFailingRequestArePrinted(
      @TempDir Path reports) throws IOException {
    Run first = verify(reports.resolve("first"), "--seed=99");

    assertThat(first.exit()).isEqualTo(VerifierMain.FAILED);
    assertThat(first.output())
        .startsWith("Checking " + server.baseUrl() + " with seed 99 (replay: --seed=99)\n")
        .contains("(seed 99")
        .contains(SMALLEST);
  }

  @Test
  void whenTheSeedIsGivenAgainThenTheSameRequestsFailAgain(@TempDir Path reports)
      throws IOException {
    Run first = verify(reports.resolve("first"), "--seed=99");
    Run replay = verify(reports.resolve("replay"), "--seed=99");
    Run other = verify(reports.resolve("other"), "--seed=100");

    assertThat(first.failingTokenCases()).hasSizeGreaterThan(1);
    assertThat(replay.failingTokenCases()).isEqualTo(first.failingTokenCases());
    assertThat(replay.output()).contains(SMALLEST);
    assertThat(other.failingTokenCases()).isNotEqualTo(first.failingTokenCases());
  }

  private record Run(int exit, String output, String xml) {

    /** The failed generated token requests, e.g. {@code POST /oauth/v1/token #12 ...}. */
    List<String> failingTokenCases() {
      return FAILED_TOKEN_CASE.matcher(xml).results().map(match -> match.group(1)).toList();
    }
  }

  private Run verify(Path reports, String seed) throws IOException {
    VerifierRun run =
        VerifierRun.of(
            "--base-url=" + server.baseUrl(),
            "--report=" + reports,
            "--requests-per-operation=60",
            seed);
    return new Run(
        run.exit(),
        run.out(),
        Files.readString(reports.resolve("TEST-hubspot-oauth-server-contract.xml")));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }
}
