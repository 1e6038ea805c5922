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

  @TempDir Path root;

  @Test
  void whenADirectoryIsUsedThenStaleSiblingsGoAndRecentOnesStay() throws Exception {
    Instant now = Instant.parse("2026-12-03T09:00:00Z");
    Path stale = Files.createDirectories(root.resolve("old/app"));
    Files.setLastModifiedTime(root.resolve("old"), FileTime.from(now.minus(Duration.ofDays(3))));
    Path recent = Files.createDirectories(root.resolve("recent"));
    Files.setLastModifiedTime(recent, FileTime.from(now.minus(Duration.ofHours(1))));

    Path used = CacheDirs.use(root, "current", now);

    assertThat(used).isDirectory();
    assertThat(Files.getLastModifiedTime(used).toInstant()).isEqualTo(now);
    assertThat(stale.getParent()).doesNotExist();
    assertThat(recent).isDirectory();
  }
}
