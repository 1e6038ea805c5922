package dev.oauthkit.hubspot.contract.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
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

/**
 * The shipped verifier jar, as a pipeline runs it: it passes the sandbox and fails a server whose
 * error body has one field of the wrong type, naming that field.
 */
class VerifierJarIT {

  @TempDir Path temp;

  @Test
  void whenPointedAtTheSandboxThenTheVerifierJarExitsZero() throws Exception {
    try (SandboxProcess sandbox =
        SandboxProcess.start(
            temp.resolve("data"),
            Path.of(
                System.getProperty("sandbox.logs", "target/sandbox-logs"), "VerifierJarIT.log"))) {
      Run run =
          verify(
              "--base-url=http://127.0.0.1:" + sandbox.port(),
              "--admin-key=" + SandboxProcess.ADMIN_KEY,
              "--requests-per-operation=200");

      assertThat(run.exit()).as(run.output()).isZero();
      assertThat(run.output())
          .startsWith("Checking http://127.0.0.1:" + sandbox.port() + " with seed 11")
          .contains("PASSED")
          .contains("API v1\n")
          .contains("API 2026-03\n")
          .containsPattern("introspectToken +200 +yes +3/3")
          .contains("Every documented status and example")
          .doesNotContain("not checked");
      assertThat(temp.resolve("report/TEST-hubspot-oauth-server-contract.xml")).exists();
      assertThat(temp.resolve("report/summary.txt")).exists();

      String url = "--base-url=http://127.0.0.1:" + sandbox.port();
      Run unchecked = verify(url, "--requests-per-operation=20");
      Run required = verify(url, "--requests-per-operation=20", "--require-full-coverage");

      assertThat(unchecked.exit()).as(unchecked.output()).isZero();
      assertThat(lastLine(unchecked.output()))
          .matches("\\d+ documented answers were not checked \\(no admin key.*")
          .contains("getAccessTokenMetadata 200 AccessTokenMetadataSuccessExample")
          .contains("revokeRefreshToken 204")
          .contains("introspectToken 200 AccessTokenIntrospectionExample")
          .contains("revokeToken 200");
      assertThat(required.exit()).as(required.output()).isEqualTo(3);
      assertThat(lastLine(required.output())).isEqualTo(lastLine(unchecked.output()));
      assertThat(required.output()).contains("PASSED");
    }
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
