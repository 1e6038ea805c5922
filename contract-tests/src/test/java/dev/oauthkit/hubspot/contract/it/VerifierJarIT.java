package dev.oauthkit.hubspot.contract.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.oauthkit.hubspot.contract.spec.ContractSpec;
import dev.oauthkit.hubspot.sandbox.testing.Ports;
import dev.oauthkit.hubspot.sandbox.testing.SandboxProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The shipped verifier jar, as a pipeline runs it: it passes the sandbox in rotation mode and a
 * sandbox without v1 when told to check the date versions only; it fails a server whose error body
 * has one field of the wrong type, naming that field; and its last line always says what decided
 * the exit code (coverage not complete under {@code --require-full-coverage}, an unreachable
 * server, a base URL below the server root).
 */
@Execution(
    value = ExecutionMode.CONCURRENT,
    reason =
        "each test has its own sandbox or server, directory and log; the unreachable port is one"
            + " that port 0 never hands out (Ports.closed)")
class VerifierJarIT {

  @TempDir Path temp;

  @Test
  void whenPointedAtTheSandboxInRotationModeThenTheVerifierJarExitsZero() throws Exception {
    try (SandboxProcess sandbox = sandbox("VerifierJarIT.log", "--rotate-refresh-tokens")) {
      String url = "--base-url=http://127.0.0.1:" + sandbox.port();
      Run run =
          verify(url, "--admin-key=" + SandboxProcess.ADMIN_KEY, "--requests-per-operation=60");

      assertThat(run.exit()).as(run.output()).isZero();
      assertThat(run.output())
          .startsWith("Checking http://127.0.0.1:" + sandbox.port() + " with seed 11")
          .contains("API versions checked: " + String.join(", ", ALL_VERSIONS) + "\n")
          .contains("API v1\n")
          .contains("API 2026-03\n")
          .containsPattern("introspectToken +200 +yes +3/3")
          .contains("Every documented status and example")
          .doesNotContain("not checked");
      assertThat(lastLine(run.output()))
          .startsWith("PASSED: every documented status and example was seen");
      assertThat(temp.resolve("report/TEST-hubspot-oauth-server-contract.xml")).exists();
      assertThat(temp.resolve("report/summary.txt")).exists();

      Run unchecked = verify(url, "--requests-per-operation=20");
      Run required = verify(url, "--requests-per-operation=20", "--require-full-coverage");
      Run wrongPath = verify(url + "/oauth", "--requests-per-operation=20");

      assertThat(unchecked.exit()).as(unchecked.output()).isZero();
      assertThat(lastLine(unchecked.output()))
          .matches("PASSED, but \\d+ documented answers were not checked \\(no admin key.*")
          .contains("getAccessTokenMetadata 200 AccessTokenMetadataSuccessExample")
          .contains("revokeRefreshToken 204")
          .contains("introspectToken 200 AccessTokenIntrospectionExample")
          .contains("revokeToken 200");
      assertThat(required.exit()).as(required.output()).isEqualTo(3);
      assertThat(lastLine(required.output()))
          .startsWith(
              "INCOMPLETE: --require-full-coverage and these rows were not seen (no admin key: the"
                  + " stateful flows did not run): ")
          .contains("getAccessTokenMetadata 200 AccessTokenMetadataSuccessExample")
          .contains("revokeRefreshToken 204");
      assertThat(wrongPath.exit()).as(wrongPath.output()).isEqualTo(1);
      assertThat(lastLine(wrongPath.output()))
          .isEqualTo(
              "FAILED: every request got 404: check --base-url (it should be the server root,"
                  + " e.g. http://127.0.0.1:8080, without /oauth)");
      assertThat(wrongPath.output()).doesNotContain("operation ").doesNotContain("not documented");
    }
  }

  @Test
  void whenTheSandboxServesNoV1ThenCheckingTheDateVersionsPassesWithFullCoverage()
      throws Exception {
    List<String> dates = ALL_VERSIONS.stream().filter(version -> !version.equals("v1")).toList();
    try (SandboxProcess sandbox = sandbox("VerifierJarIT-disable-v1.log", "--disable-v1")) {
      Run run =
          verify(
              "--base-url=http://127.0.0.1:" + sandbox.port(),
              "--admin-key=" + SandboxProcess.ADMIN_KEY,
              "--requests-per-operation=20",
              "--require-full-coverage",
              "--api-versions=" + String.join(",", dates));

      assertThat(run.exit()).as(run.output()).isZero();
      assertThat(run.output())
          .contains("API versions checked: " + String.join(", ", dates) + "\n")
          .doesNotContain("API v1\n")
          .doesNotContain("/oauth/v1/");
      assertThat(lastLine(run.output()))
          .startsWith("PASSED: every documented status and example was seen");

      Run everyVersion = verify("--base-url=http://127.0.0.1:" + sandbox.port());

      assertThat(everyVersion.exit()).as(everyVersion.output()).isEqualTo(1);
      assertThat(lastLine(everyVersion.output()))
          .isEqualTo(
              "FAILED: every request to API v1 got 404: the server does not serve it; check the"
                  + " versions it serves with --api-versions="
                  + String.join(",", dates));
    }
  }

  @Test
  void whenTheServerIsUnreachableThenTheOnlyVerdictIsTheReasonWithAHint() throws Exception {
    int closed = Ports.closed();

    Run run = verify("--base-url=http://127.0.0.1:" + closed);

    assertThat(run.exit()).as(run.output()).isEqualTo(1);
    assertThat(lastLine(run.output()))
        .startsWith("FAILED: cannot reach http://127.0.0.1:" + closed + " (")
        .endsWith("): is the server running, and is --base-url right?");
    assertThat(run.output()).doesNotContain("operation ").containsOnlyOnce("cannot reach");
  }

  private static final List<String> ALL_VERSIONS = ContractSpec.packagedAll().versions();

  private SandboxProcess sandbox(String log, String... flags) throws IOException {
    return SandboxProcess.start(
        temp.resolve("data-" + log),
        Path.of(System.getProperty("sandbox.logs", "target/sandbox-logs"), log),
        flags);
  }

  private static String lastLine(String output) {
    String[] lines = output.strip().split("\n");
    return lines[lines.length - 1];
  }

  @Test
  void whenPointedAtAWrongServerThenTheVerifierJarExitsOneAndNamesTheField() throws Exception {
    WireMockServer wrong = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    wrong.start();
    try {
      wrong.stubFor(
          any(anyUrl())
              .willReturn(
                  aResponse()
                      .withStatus(401)
                      .withHeader("Content-Type", "application/json")
                      .withBody(
                          "{\"category\":\"UNAUTHORIZED\",\"correlationId\":"
                              + "\"aeb5f871-7f07-4993-9211-075dc63e7cbf\",\"message\":7}")));

      Run run = verify("--base-url=" + wrong.baseUrl(), "--requests-per-operation=20");

      assertThat(run.exit()).as(run.output()).isEqualTo(1);
      assertThat(run.output())
          .contains("FAILED")
          .contains("body violates the schema at /message: integer found, string expected");
    } finally {
      wrong.stop();
    }
  }

  private record Run(int exit, String output) {}

  private Run verify(String... flags) throws IOException, InterruptedException {
    String jar = System.getProperty("verifier.jar");
    assertThat(jar).as("verifier.jar system property").isNotNull();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // As the build's test JVMs: a run of seconds spends less CPU on C1 alone.
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    command.addAll(List.of("-jar", jar, "--report=" + temp.resolve("report"), "--seed=11"));
    command.addAll(List.of(flags));
    Path output = temp.resolve("verifier.out");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("the verifier did not finish in 5 minutes");
    }
    return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
  }
}
