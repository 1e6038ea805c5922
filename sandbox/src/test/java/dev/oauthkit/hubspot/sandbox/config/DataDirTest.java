package dev.oauthkit.hubspot.sandbox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oauthkit.hubspot.sandbox.store.JdbcStore;
import dev.oauthkit.hubspot.sandbox.testing.Sandbox;
import dev.oauthkit.hubspot.sandbox.testing.TestApps;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirTest {

  @TempDir Path temp;

  @BeforeEach
  void posixOnly() {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
  }

  @Test
  void whenDirectoryExistsWithWiderPermissionsThenItAndTheSandboxFilesBecomeOwnerOnly()
      throws Exception {
    Path dir = Files.createDirectory(temp.resolve("data"));
    chmod(dir, "rwxr-xr-x");
    for (String name : new String[] {"admin-key", "demo-app.properties", "sandbox.db-wal"}) {
      chmod(Files.writeString(dir.resolve(name), "x"), "rw-r--r--");
    }
    Path unrelated = Files.writeString(dir.resolve("notes.txt"), "mine");
    chmod(unrelated, "rw-r--r--");

    DataDir.open(dir);

    assertThat(permissions(dir)).isEqualTo("rwx------");
    assertThat(permissions(dir.resolve("admin-key"))).isEqualTo("rw-------");
    assertThat(permissions(dir.resolve("demo-app.properties"))).isEqualTo("rw-------");
    assertThat(permissions(dir.resolve("sandbox.db-wal"))).isEqualTo("rw-------");
    assertThat(permissions(unrelated)).isEqualTo("rw-r--r--");
  }

  @Test
  void whenTheSqliteStoreOpensInTheDirectoryThenTheDatabaseAndItsWalAndShmAreOwnerOnly() {
    DataDir dataDir = DataDir.open(temp.resolve("new"));

    try (JdbcStore store =
        JdbcStore.sqlite(dataDir.ownerOnlyFile(SandboxConfiguration.DATABASE_FILE), 2)) {
      Sandbox.on(store).build().login(TestApps.app().build());

      assertThat(permissions(dataDir.root())).isEqualTo("rwx------");
      for (String suffix : new String[] {"", "-wal", "-shm"}) {
        Path file = dataDir.resolve(SandboxConfiguration.DATABASE_FILE + suffix);
        assertThat(file).exists();
        assertThat(permissions(file)).as(file.toString()).isEqualTo("rw-------");
      }
    }
  }

  private static void chmod(Path path, String permissions) throws Exception {
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
  }

  private static String permissions(Path path) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
