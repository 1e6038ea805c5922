package dev.oauthkit.hubspot.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheDirsTest {

  private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

  @TempDir Path root;

  @Test
  void whenADirectoryIsUsedThenOnlyTheNewestOfItsKindStay() throws Exception {
    for (int i = 1; i <= 4; i++) {
      usedHoursAgo("jar" + i, i);
      usedHoursAgo("fast-" + i, i);
    }

    Path used = CacheDirs.use(root, "current", NOW);

    assertThat(used).isDirectory();
    assertThat(Files.getLastModifiedTime(used).toInstant()).isEqualTo(NOW);
    assertThat(root.resolve("jar1")).isDirectory();
    assertThat(root.resolve("jar2")).isDirectory();
    assertThat(root.resolve("jar3")).doesNotExist();
    assertThat(root.resolve("jar4")).doesNotExist();
    assertThat(root.resolve("fast-4")).isDirectory();
  }

  @Test
  void whenAFastDirectoryIsUsedThenTheOldestFastOnesGoAndJarCopiesStay() throws Exception {
    for (int i = 1; i <= 4; i++) {
      usedHoursAgo("jar" + i, i);
      usedHoursAgo("fast-" + i, i);
    }

    CacheDirs.use(root, "fast-current", NOW);

    assertThat(root.resolve("fast-3")).doesNotExist();
    assertThat(root.resolve("fast-4")).doesNotExist();
    assertThat(root.resolve("fast-1")).isDirectory();
    assertThat(root.resolve("jar4")).isDirectory();
    assertThat(CacheDirs.KEEP).isEqualTo(3);
  }

  private void usedHoursAgo(String name, int hours) throws Exception {
    Path dir = Files.createDirectories(root.resolve(name));
    Files.createDirectories(dir.resolve("app"));
    Files.setLastModifiedTime(dir, FileTime.from(NOW.minus(Duration.ofHours(hours))));
  }
}
