package dev.oauthkit.hubspot.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The builder's checks and the handle before start; no sandbox is started here. */
class HubSpotSandboxExtensionTest {

  @Test
  void whenBuilderOptionsAreBadThenTheMessageNamesTheParameter() {
    HubSpotSandboxExtension.Builder builder = HubSpotSandboxExtension.builder();

    assertThatThrownBy(() -> builder.accessTokenTtl(Duration.ZERO)).hasMessageStartingWith("ttl");
    assertThatThrownBy(() -> builder.postgres("jdbc:h2:mem:x", "u", "p"))
        .hasMessageStartingWith("jdbcUrl");
    assertThatThrownBy(() -> builder.postgres("jdbc:postgresql://h/db", null, "p"))
        .hasMessage("user");
    assertThatThrownBy(() -> builder.sandboxJar(Path.of("no-such.jar")))
        .hasMessageStartingWith("jar");
    assertThatThrownBy(() -> builder.startTimeout(Duration.ofSeconds(-1)))
        .hasMessageStartingWith("timeout");
  }

  @Test
  void whenNotStartedThenTheHandleSaysHowToRegisterIt() {
    HubSpotSandboxExtension extension = HubSpotSandboxExtension.builder().build();

    assertThatThrownBy(extension::baseUrl).hasMessageContaining("static field");
    assertThat(extension).hasToString("HubSpotSandbox[not started]");
  }

  @Test
  void whenSettingsHoldAPasswordThenOnlyTheEnvironmentCarriesIt() {
    SandboxSettings settings =
        new SandboxSettings(
            false,
            true,
            Duration.ofSeconds(60),
            "jdbc:postgresql://db:5432/s",
            "sandbox",
            "pw-secret",
            null,
            Duration.ofSeconds(5));

    assertThat(settings.flags())
        .containsExactly(
            "--store=postgres",
            "--jdbc-url=jdbc:postgresql://db:5432/s",
            "--db-user=sandbox",
            "--access-token-ttl=60",
            "--rotate-refresh-tokens");
    assertThat(settings.environment("k")).containsEntry("SANDBOX_DB_PASSWORD", "pw-secret");
    assertThat(settings.toString()).doesNotContain("pw-secret").contains("postgres");
  }

  @Test
  void whenTokensAndAppsArePrintedThenNoSecretShows() {
    SandboxTokens tokens = new SandboxTokens("access-1", "refresh-1", Duration.ofMinutes(30));
    SandboxApp app =
        new SandboxApp(
            7, "client-1", "secret-1", "http://localhost/cb", java.util.List.of("oauth"));

    assertThat(tokens.toString()).doesNotContain("access-1", "refresh-1");
    assertThat(app.toString()).doesNotContain("secret-1").contains("client-1");
  }
}
