package dev.oauthkit.hubspot.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.oauthkit.hubspot.sandbox.testing.SandboxProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A start the user got wrong ends with Spring Boot's short report (what is wrong, what to do) and
 * no stack trace; the sandbox already running on the same data directory goes on answering.
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
  void whenAFlagIsWrongThenTheSandboxStopsWithAReportNamingIt() throws Exception {
    Path log = dir.resolve("bad-flag.log");

    Throwable refused =
        catchThrowable(
            () ->
                SandboxProcess.start(
                    dir.resolve("data-" + System.nanoTime()), log, "--store=nope"));

    assertThat(refused).hasMessageContaining("did not start");
    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(text)
        .contains("APPLICATION FAILED TO START")
        .contains("--store must be sqlite, memory or postgres, got nope");
    assertThat(text.lines().filter(line -> line.startsWith("\tat "))).isEmpty();
  }
}
