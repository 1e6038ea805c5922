package dev.oauthkit.hubspot.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The packaged jar carries the configuration metadata IDEs read, and the auto-configurations. */
class StarterJarIT {

  @Test
  void whenPackagedThenTheJarHoldsTheMetadataAndTheImports() throws Exception {
    try (JarFile jar = new JarFile(Path.of(System.getProperty("starter.jar")).toFile())) {
      assertThat(jar.getEntry("META-INF/spring-configuration-metadata.json")).isNotNull();
      assertThat(
              new String(
                  jar.getInputStream(
                          jar.getEntry(
                              "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"))
                      .readAllBytes(),
                  java.nio.charset.StandardCharsets.UTF_8))
          .contains(
              HubSpotOAuthAutoConfiguration.class.getName(),
              HubSpotOAuthHealthAutoConfiguration.class.getName());
      String metadata =
          new String(
              jar.getInputStream(jar.getEntry("META-INF/spring-configuration-metadata.json"))
                  .readAllBytes(),
              java.nio.charset.StandardCharsets.UTF_8);
      assertThat(metadata).contains("hubspot.oauth.client-id", "management.health.hubspot.enabled");
    }
  }
}
