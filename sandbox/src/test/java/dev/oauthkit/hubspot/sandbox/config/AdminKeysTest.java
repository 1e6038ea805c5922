package dev.oauthkit.hubspot.sandbox.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.sandbox.admin.AdminKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminKeysTest {

  @TempDir Path temp;

  @Test
  void whenNoKeyIsGivenThenOneIsGeneratedIntoAnOwnerOnlyFileAndReused() throws Exception {
    DataDir dataDir = DataDir.open(temp.resolve("data"));
    SandboxSettings settings = SandboxSettingsTest.settings();

    AdminKey first = AdminKeys.resolve(settings, dataDir);
    AdminKey second = AdminKeys.resolve(settings, dataDir);

    Path file = dataDir.resolve(AdminKeys.FILE);
    assertThat(first.generated()).isTrue();
    assertThat(second.generated()).isFalse();
    assertThat(second.accepts("Bearer " + first.revealOnce())).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.root())))
        .isEqualTo("rwx------");
  }

  @Test
  void whenKeyIsGivenThenNoFileIsWritten() {
    DataDir dataDir = DataDir.open(temp.resolve("data"));

    AdminKey key = AdminKeys.resolve(SandboxSettingsTest.settings("--admin-key=K"), dataDir);

    assertThat(key.accepts("Bearer K")).isTrue();
    assertThat(dataDir.resolve(AdminKeys.FILE)).doesNotExist();
  }
}
