package dev.oauthkit.hubspot.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxJarTest {

  private static final String ENTRY = "dev/oauthkit/hubspot/sandbox/junit/" + SandboxJar.RESOURCE;

  @TempDir Path temp;

  @Test
  void whenTwoCopiesOfTheModuleEmbedTheSameSandboxThenTheyShareOneCopyInTheCache()
      throws Exception {
    URL first = module("first.jar", "sandbox 1.0");
    URL second = module("second.jar", "sandbox 1.0");

    Path fromFirst = SandboxJar.extract(first, this::cacheDir);
    Path fromSecond = SandboxJar.extract(second, this::cacheDir);

    assertThat(fromSecond).isEqualTo(fromFirst);
    assertThat(Files.readString(fromFirst)).isEqualTo("sandbox 1.0");
  }

  @Test
  void whenNoCopyWasMadeYetThenTheLookAheadFindsNoneAndCopiesNothing() throws Exception {
    URL module = module("module.jar", "sandbox 1.0");

    assertThat(SandboxJar.copied(module, this::cacheDir)).isEmpty();
    assertThat(SandboxJar.copied(module, this::cacheDir)).isEmpty();

    Path copy = SandboxJar.extract(module, this::cacheDir);
    assertThat(SandboxJar.copied(module, this::cacheDir)).contains(copy);
  }

  @Test
  void whenTheEmbeddedSandboxDiffersThenItGetsItsOwnCopy() throws Exception {
    Path older = SandboxJar.extract(module("old.jar", "sandbox 1.0"), this::cacheDir);
    Path newer = SandboxJar.extract(module("new.jar", "sandbox 1.1"), this::cacheDir);

    assertThat(newer).isNotEqualTo(older);
    assertThat(Files.readString(older)).isEqualTo("sandbox 1.0");
    assertThat(Files.readString(newer)).isEqualTo("sandbox 1.1");
  }

  private Path cacheDir(String name) {
    return CacheDirs.use(temp.resolve("cache"), name, Instant.now());
  }

  /** A jar like this module's, at its own path, holding {@code sandbox} as the embedded jar. */
  private URL module(String name, String sandbox) throws IOException {
    Path jar = temp.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry(ENTRY));
      out.write(sandbox.getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return new URL("jar:" + jar.toUri() + "!/" + ENTRY);
  }
}
