package dev.oauthkit.hubspot.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A jar given by path gets a new cache directory (extracted form and archive) when it is written
 * again, even by a reproducible build, whose jars all have the same modification time; without a
 * usable cache the launch is the plain jar; only a cleanly stopped process leaves an archive.
 */
class FastStartTest {

  @TempDir Path temp;

  @Test
  void whenTheJarIsWrittenAgainWithTheSameTimeAndSizeThenItCountsAsAnotherJar() throws Exception {
    Path jar = Files.writeString(temp.resolve("sandbox.jar"), "jar");
    FileTime built = FileTime.fromMillis(1_796_601_600_000L);
    Files.setLastModifiedTime(jar, built);
    String first = FastStart.written(jar);
    assertThat(FastStart.written(jar)).isEqualTo(first);
    Thread.sleep(20); // change times of a few milliseconds' resolution on some file systems

    Files.writeString(jar, "JAR");
    Files.setLastModifiedTime(jar, built);

    assertThat(Files.getLastModifiedTime(jar)).isEqualTo(built);
    assertThat(FastStart.written(jar)).startsWith("3 ").isNotEqualTo(first);
  }

  @Test
  void whenTheCacheCannotBeUsedThenTheLaunchIsThePlainJarWithoutTraining() {
    Path missing = temp.resolve("gone.jar"); // its cache key cannot be read

    FastStart.Launch launch = FastStart.prepare(missing);

    assertThat(launch.args()).containsExactly("-jar", missing.toString());
    assertThat(launch.pendingArchive()).isNull();
  }

  @Test
  void whenTheChildExitedAfterSigtermOrNormallyThenItStoppedCleanlyElseNot() {
    assertThat(SandboxProcess.stoppedCleanly(0)).isTrue();
    assertThat(SandboxProcess.stoppedCleanly(143)).isTrue();
    assertThat(SandboxProcess.stoppedCleanly(137)).as("SIGKILL").isFalse();
    assertThat(SandboxProcess.stoppedCleanly(1)).isFalse();
  }

  @Test
  void whenAPreparationIsPrintedThenItNamesTheJarButNotTheAdminKey() {
    Path jar = temp.resolve("sandbox.jar");
    Preparation preparation =
        new Preparation(
            jar,
            new FastStart.Launch(List.of("-jar", jar.toString()), ClassArchive.CDS, jar, null),
            "0f1e2d3c4b5a69788796a5b4c3d2e1f0");

    assertThat(preparation.toString()).contains(jar.toString()).doesNotContain("0f1e2d3c");
  }
}
