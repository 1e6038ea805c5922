package dev.oauthkit.hubspot.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class-data sharing: the first sandbox of a jar leaves an archive (the JDK's kind) when it stops;
 * the next one maps it and serves as before. A copy of the jar in a temporary directory gets a
 * cache of its own.
 */
class FastStartIT {

  @TempDir Path temp;

  @Test
  void whenTheFirstSandboxStopsThenTheNextMapsTheArchiveItWrote() throws IOException {
    Path jar = Files.copy(Path.of(System.getProperty("sandbox.jar")), temp.resolve("sandbox.jar"));
    SandboxSettings settings =
        new SandboxSettings(
            false,
            false,
            SandboxSettings.DEFAULT_TTL,
            null,
            null,
            null,
            jar,
            SandboxSettings.DEFAULT_START_TIMEOUT);
    Path cache = null;
    try {
      FastStart.Launch first;
      try (RunningSandbox trainer = RunningSandbox.start(settings)) {
        first = trainer.launch();
        assertThat(trainer.tokensFor().accessToken()).isNotBlank();
      }
      cache = first.pendingArchive().getParent();
      try (RunningSandbox mapped = RunningSandbox.start(settings)) {
        Path archive = cache.resolve(first.archive().fileName());
        assertThat(first.args()).containsAll(first.archive().train(first.pendingArchive()));
        assertThat(archive).isNotEmptyFile();
        assertThat(first.pendingArchive()).doesNotExist();
        assertThat(mapped.launch().args())
            .containsAll(first.archive().use(archive))
            .contains(cache.resolve("app").resolve("sandbox.jar").toString());
        assertThat(mapped.tokensFor().accessToken()).isNotBlank();
      }
    } finally {
      delete(cache);
    }
  }

  @Test
  void whenTheExtractedJarWasDeletedFromItsDirectoryThenTheNextPrepareExtractsItAgain()
      throws IOException {
    Path jar = Files.copy(Path.of(System.getProperty("sandbox.jar")), temp.resolve("sandbox.jar"));
    Path app = FastStart.prepare(jar).app();
    try {
      assertThat(app).isRegularFile().isNotEqualTo(jar);
      Files.delete(app); // as a temporary-file cleaner leaves it: lib/ still there

      FastStart.Launch again = FastStart.prepare(jar);

      assertThat(again.app()).isEqualTo(app).isRegularFile();
      assertThat(again.args()).endsWith("-jar", app.toString());
    } finally {
      delete(app.getParent().getParent());
    }
  }

  private static void delete(Path dir) throws IOException {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
