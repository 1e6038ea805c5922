package dev.oauthkit.hubspot.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    SandboxTokens tokens = SandboxTokens.from(answer());
    SandboxApp app =
        new SandboxApp(
            7, "client-1", "secret-1", "http://localhost/cb", java.util.List.of("oauth"));

    assertThat(tokens.toString()).doesNotContain("access-1", "refresh-1");
    assertThat(app.toString()).doesNotContain("secret-1").contains("client-1");
  }

  @Test
  void whenTheTokenAnswerIsReadThenLifetimeHubAndScopesAreKept() {
    SandboxTokens tokens = SandboxTokens.from(answer());

    assertThat(tokens.accessToken()).isEqualTo("access-1");
    assertThat(tokens.refreshToken()).isEqualTo("refresh-1");
    assertThat(tokens.expiresIn()).isEqualTo(Duration.ofMinutes(30));
    assertThat(tokens.hubId()).isEqualTo(62515);
    assertThat(tokens.scopes()).containsExactly("oauth", "crm.objects.contacts.read");
  }

  @Test
  void whenTheTokenAnswerLacksTheHubThenTheMessageNamesTheField() {
    Map<String, Object> answer = new HashMap<>(answer());
    answer.remove("hub_id");

    assertThatThrownBy(() -> SandboxTokens.from(answer)).hasMessageContaining("hub_id");
  }

  @Test
  void whenAnErrorBodyIsReadThenItsMessagesAreKeptAndNonJsonIsNamed() {
    assertThat(
            AdminClient.message(
                "{\"category\":\"VALIDATION_ERROR\",\"message\":\"Invalid request body\","
                    + "\"errors\":[{\"message\":\"status must be 500, 502, 503 or 504\"}]}"))
        .isEqualTo("Invalid request body; status must be 500, 502, 503 or 504");
    assertThat(AdminClient.message("<html>")).isEqualTo("(no JSON Error body)");
  }

  /** A 2026-03 token answer, as jackson-jr reads it (ints stay Integer). */
  private static Map<String, Object> answer() {
    return Map.of(
        "access_token", "access-1",
        "refresh_token", "refresh-1",
        "expires_in", 1800,
        "token_type", "bearer",
        "token_use", "access_token",
        "hub_id", 62515,
        "scopes", List.of("oauth", "crm.objects.contacts.read"));
  }
}
