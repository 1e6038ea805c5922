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
  void whenADirectoryIsUsedThenOnlyTheNewestThreeOfItsKindStay() throws Exception {
    for (int hours = 2; hours <= 5; hours++) {
      used("jar" + hours, Duration.ofHours(hours));
      used("fast-" + hours, Duration.ofHours(hours));
    }

    Path current = CacheDirs.use(root, "current", NOW);

    assertThat(current).isDirectory();
    assertThat(Files.getLastModifiedTime(current).toInstant()).isEqualTo(NOW);
    assertThat(root.resolve("jar2")).isDirectory();
    assertThat(root.resolve("jar3")).isDirectory();
    assertThat(root.resolve("jar4")).doesNotExist();
    assertThat(root.resolve("jar5")).doesNotExist();
    assertThat(root.resolve("fast-5")).isDirectory();
  }

  @Test
  void whenAFastDirectoryIsUsedThenOnlyOldFastDirectoriesGo() throws Exception {
    for (int hours = 2; hours <= 5; hours++) {
      used("jar" + hours, Duration.ofHours(hours));
      used("fast-" + hours, Duration.ofHours(hours));
    }

    CacheDirs.use(root, "fast-current", NOW);

    assertThat(root.resolve("fast-3")).isDirectory();
    assertThat(root.resolve("fast-4")).doesNotExist();
    assertThat(root.resolve("fast-5")).doesNotExist();
    assertThat(root.resolve("jar5")).isDirectory();
  }

  @Test
  void whenOtherDirectoriesWereUsedWithinTheHourThenTheyStayBeyondThree() throws Exception {
    for (int minutes = 10; minutes <= 50; minutes += 10) {
      used("fast-" + minutes, Duration.ofMinutes(minutes));
    }
    used("fast-old", CacheDirs.IN_USE.plusMinutes(1));

    CacheDirs.use(root, "fast-current", NOW);

    assertThat(root.resolve("fast-50")).isDirectory();
    assertThat(root.resolve("fast-old")).doesNotExist();
    assertThat(CacheDirs.KEEP).isEqualTo(3);
  }

  private void used(String name, Duration ago) throws Exception {
    Path dir = Files.createDirectories(root.resolve(name));
    Files.createDirectories(dir.resolve("app"));
    Files.setLastModifiedTime(dir, FileTime.from(NOW.minus(ago)));
  }

  @Test
  void whenTheUserNameHasCharactersAFileNameCannotHoldThenTheRootNameReplacesThem() {
    assertThat(CacheDirs.fileNameOf("jenkins-agent.2")).isEqualTo("jenkins-agent.2");
    assertThat(CacheDirs.fileNameOf("CORP\\j doe/x")).isEqualTo("CORP_j_doe_x");
    assertThat(CacheDirs.fileNameOf("..")).isEqualTo("user");
    assertThat(CacheDirs.fileNameOf("")).isEqualTo("user");
  }
}
