package dev.oauthkit.hubspot.sandbox.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive is made again when the jar's content changes, whatever its modification time. */
class FastStartTest {

  @TempDir Path temp;

  @Test
  void whenTheJarIsRebuiltWithTheSameTimeAndSizeThenItsStampChanges() throws Exception {
    Path jar = Files.writeString(temp.resolve("sandbox.jar"), "jar");
    FileTime built = FileTime.fromMillis(1_796_601_600_000L); // a reproducible build's fixed time
    Files.setLastModifiedTime(jar, built);
    String before = FastStart.stamp(jar);
    assertThat(FastStart.stamp(jar)).isEqualTo(before);

    Files.writeString(jar, "JAR");
    Files.setLastModifiedTime(jar, built);

    assertThat(Files.getLastModifiedTime(jar)).isEqualTo(built);
    assertThat(Files.size(jar)).isEqualTo(3);
    assertThat(FastStart.stamp(jar)).isNotEqualTo(before);
  }

  @Test
  void whenTheStampIsTakenThenItNamesTheJavaRuntimeThatMapsTheArchive() throws Exception {
    Path jar = Files.writeString(temp.resolve("sandbox.jar"), "jar");

    assertThat(FastStart.stamp(jar))
        .contains(System.getProperty("java.home"))
        .endsWith(" " + Runtime.version());
  }
}
