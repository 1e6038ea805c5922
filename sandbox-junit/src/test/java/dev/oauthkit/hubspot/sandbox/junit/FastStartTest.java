package dev.oauthkit.hubspot.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A jar given by path gets a new cache directory (extracted form and archive) when it is written
 * again, even by a reproducible build, whose jars all have the same modification time.
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
}
