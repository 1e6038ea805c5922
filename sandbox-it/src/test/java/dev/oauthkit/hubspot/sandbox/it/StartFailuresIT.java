package dev.oauthkit.hubspot.sandbox.it;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import dev.oauthkit.hubspot.sandbox.testing.SandboxProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A start the user got wrong ends without a stack trace: a wrong flag with one line naming it (exit
 * status 2, before Spring starts), anything else with Spring Boot's short report (what is wrong,
 * what to do); the sandbox already running on the same data directory goes on answering.
 */
class StartFailuresIT {

  private final Path dir = Path.of(System.getProperty("sandbox.it.dir", "target/it"), "start");

  @Test
  void whenASecondSandboxStartsOnTheSameDataDirThenItStopsWithAReportAndTheFirstKeepsServing()
      throws Exception {
    Path data = dir.resolve("data-" + System.nanoTime());
    Path secondLog = dir.resolve("second.log");
    try (SandboxProcess first = SandboxProcess.start(data, dir.resolve("first.log"))) {
      Throwable refused = catchThrowable(() -> SandboxProcess.start(data, secondLog));

      assertThat(refused).hasMessageContaining("did not start");
      String log = Files.readString(secondLog, StandardCharsets.UTF_8);
      assertThat(log)
          .contains("APPLICATION FAILED TO START")
          .contains("another sandbox is using the SQLite store at")
          .contains("give each sandbox its own --data-dir");
      assertThat(log.lines().filter(line -> line.startsWith("\tat "))).isEmpty();
      assertThat(first.http().createApp("http://localhost/cb").status()).isEqualTo(201);
    }
  }

  @Test
  void whenAFlagIsWrongThenTheJarExits2WithOneLineNamingItAndStartsNothing() throws Exception {
    Run misspelt = run("--prot=1");
    Run spaced = run("--port", "8084");
    Run badValue = run("--store=nope");

    assertThat(List.of(misspelt, spaced, badValue))
        .allSatisfy(r -> assertThat(r.exit()).isEqualTo(2));
    assertThat(misspelt.lines())
        .singleElement(as(STRING))
        .startsWith("hubspot-oauth-sandbox: --prot is not a flag (did you mean --port?)");
    assertThat(spaced.lines())
        .containsExactly(
            "hubspot-oauth-sandbox: --port needs a value after '=', e.g. --port=8080 (not a space)");
    assertThat(badValue.lines())
        .containsExactly("hubspot-oauth-sandbox: --store=nope: must be sqlite, memory or postgres");
  }

  @Test
  void whenHelpIsAskedForThenTheJarListsEveryFlagAndExits0() throws Exception {
    Run help = run("--help");

    assertThat(help.exit()).isZero();
    assertThat(help.output())
        .contains("--port=8080", "SANDBOX_PORT", "--api-versions=v1,2026-03", "--help")
        .doesNotContain("HubSpot OAuth sandbox started");
  }

  private record Run(int exit, String output) {
    List<String> lines() {
      return output.lines().toList();
    }
  }

  /** Runs {@code java -jar <sandbox.jar> args} to its end (at most a minute). */
  private static Run run(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-jar", System.getProperty("sandbox.jar")));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("the sandbox did not exit: " + output);
    }
    return new Run(process.exitValue(), output);
  }
}
