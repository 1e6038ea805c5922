package dev.oauthkit.hubspot.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI recipe of sandbox/README.md, run as written: its first block with bash (start the jar in
 * the background, wait on readiness, create an app and a refresh token), then one Retrofit client
 * call in place of the second block's {@code ./mvnw -B verify}, then that block's {@code kill}.
 */
class CiRecipeIT {

  private static final Pattern SH_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);

  @TempDir Path work;

  @Test
  void whenTheReadmeRecipeRunsThenTheClientCallSucceedsAndTheSandboxIsStopped() throws Exception {
    List<String> blocks = ciBlocks(Files.readString(Path.of(System.getProperty("sandbox.readme"))));
    assertThat(blocks).hasSize(2);
    List<String> stop = new ArrayList<>(blocks.get(1).lines().toList());
    assertThat(stop.get(0)).startsWith("./mvnw -B verify");
    stop.set(0, "\"$JAVA\" -cp \"$CLIENT_CP\" " + CiClientCall.class.getName());
    String script = blocks.get(0) + "\n" + String.join("\n", stop) + "\n";
    Files.createSymbolicLink(
        work.resolve("hubspot-oauth-sandbox.jar"), Path.of(System.getProperty("sandbox.jar")));

    ProcessBuilder bash =
        new ProcessBuilder("bash", "-c", script).directory(work.toFile()).redirectErrorStream(true);
    bash.environment().put("SANDBOX_PORT", String.valueOf(freePort()));
    bash.environment().put("RUNNER_TEMP", work.toString());
    bash.environment()
        .put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    bash.environment().put("CLIENT_CP", System.getProperty("java.class.path"));
    Process process = bash.start();
    String output;
    try {
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }
    Path pidFile = work.resolve("sandbox.pid");
    assertThat(pidFile).as(output).exists();
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    Optional<ProcessHandle> sandbox = ProcessHandle.of(pid);
    try {
      assertThat(process.exitValue()).as(output + log()).isZero();
      assertThat(output).contains("{\"status\":\"UP\",").contains("client call: hub 62515");
      if (sandbox.isPresent()) {
        sandbox.get().onExit().get(30, TimeUnit.SECONDS);
      }
      assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
      assertThat(log())
          .containsPattern("POST /oauth/\\d{4}-\\d{2}/token 200")
          .doesNotContain("/oauth/v1/")
          .doesNotContain("ci-admin-key");
    } finally {
      sandbox.ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  /** The ```sh blocks of the "In a CI pipeline" section. */
  private static List<String> ciBlocks(String readme) {
    int start = readme.indexOf("\n## In a CI pipeline\n");
    assertThat(start).as("sandbox/README.md has an \"In a CI pipeline\" section").isPositive();
    int end = readme.indexOf("\n## ", start + 1);
    Matcher block = SH_BLOCK.matcher(readme.substring(start, end));
    List<String> blocks = new ArrayList<>();
    while (block.find()) {
      blocks.add(block.group(1));
    }
    return blocks;
  }

  private String log() throws IOException {
    Path log = work.resolve("sandbox.log");
    return Files.exists(log) ? Files.readString(log) : "(no sandbox.log)";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
