package dev.oauthkit.hubspot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.sandbox.testing.InProcessSandbox;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

class SandboxApplicationTest {

  private static final String OUTSIDE = "sandbox.test.outside-config";

  @Test
  void whenAConfigFileIsWhereSpringLooksByDefaultThenTheSandboxReadsOnlyItsOwn(@TempDir Path dir) {
    synchronized (InProcessSandbox.SPRING) {
      startBoth(dir);
    }
  }

  private static void startBoth(Path dir) {
    try (ConfigurableApplicationContext plain =
        new SpringApplicationBuilder(Empty.class)
            .web(WebApplicationType.NONE)
            .bannerMode(Banner.Mode.OFF)
            .logStartupInfo(false)
            .run()) {
      assertThat(plain.getEnvironment().getProperty(OUTSIDE)).isEqualTo("read");
    }

    try (ConfigurableApplicationContext sandbox =
        SandboxApplication.application()
            .run(
                "--port=0",
                "--store=memory",
                "--data-dir=" + dir.resolve("data"),
                "--admin-key=unit-key")) {
      assertThat(sandbox.getEnvironment().getProperty(OUTSIDE)).isNull();
      assertThat(sandbox.getEnvironment().getProperty("server.tomcat.threads.max")).isEqualTo("16");
    }
  }

  @SpringBootConfiguration(proxyBeanMethods = false)
  static class Empty {}
}
