package dev.oauthkit.hubspot.sandbox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxSettingsTest {

  @Test
  void whenNothingIsGivenThenDefaultsApply() {
    SandboxSettings settings = SandboxSettings.from(Map.<String, String>of()::get);

    assertThat(settings.dataDir()).isEqualTo(Path.of("data"));
    assertThat(settings.store()).isEqualTo("sqlite");
    assertThat(settings.adminKey()).isNull();
    assertThat(settings.rotateRefreshTokens()).isFalse();
    assertThat(settings.accessTokenTtl()).isEqualTo(Duration.ofSeconds(1800));
  }

  @Test
  void whenOnlyTheEnvironmentTwinIsSetThenItIsUsed() {
    SandboxSettings settings =
        SandboxSettings.from(
            Map.of(
                    "sandbox.data-dir",
                    "/tmp/x",
                    "sandbox.store",
                    "MEMORY",
                    "sandbox.admin-key",
                    "k")
                ::get);

    assertThat(settings.dataDir()).isEqualTo(Path.of("/tmp/x"));
    assertThat(settings.store()).isEqualTo("memory");
    assertThat(settings.adminKey()).isEqualTo("k");
  }

  @Test
  void whenFlagAndTwinAreBothSetThenTheFlagWins() {
    SandboxSettings settings =
        SandboxSettings.from(Map.of("store", "memory", "sandbox.store", "sqlite")::get);

    assertThat(settings.store()).isEqualTo("memory");
  }

  @Test
  void whenTtlIsSecondsOrIsoThenBothParse() {
    assertThat(SandboxSettings.parseTtl("600")).isEqualTo(Duration.ofMinutes(10));
    assertThat(SandboxSettings.parseTtl("PT30M")).isEqualTo(Duration.ofMinutes(30));
    assertThatThrownBy(() -> SandboxSettings.parseTtl("soon"))
        .hasMessageContaining("--access-token-ttl");
  }

  @Test
  void whenPurgeIntervalIsMissingSecondsIsoZeroOrBadThenItIs60sParsedOffOrRefused() {
    assertThat(SandboxSettings.from(Map.<String, String>of()::get).purgeInterval())
        .isEqualTo(Duration.ofSeconds(60));
    assertThat(SandboxSettings.from(Map.of("purge-interval", "5")::get).purgeInterval())
        .isEqualTo(Duration.ofSeconds(5));
    assertThat(SandboxSettings.from(Map.of("sandbox.purge-interval", "PT2M")::get).purgeInterval())
        .isEqualTo(Duration.ofMinutes(2));
    assertThat(SandboxSettings.from(Map.of("purge-interval", "0")::get).purgeInterval()).isZero();
    assertThatThrownBy(() -> SandboxSettings.from(Map.of("purge-interval", "often")::get))
        .hasMessageContaining("--purge-interval");
    assertThatThrownBy(() -> SandboxSettings.from(Map.of("purge-interval", "PT-1S")::get))
        .hasMessageContaining("--purge-interval");
  }

  @Test
  void whenDisableV1IsGivenThenItIsOnAndOtherwiseOff() {
    assertThat(SandboxSettings.from(Map.of("disable-v1", "")::get).disableV1()).isTrue();
    assertThat(SandboxSettings.from(Map.of("sandbox.disable-v1", "true")::get).disableV1())
        .isTrue();
    assertThat(SandboxSettings.from(Map.<String, String>of()::get).disableV1()).isFalse();
  }

  @Test
  void whenAllowedHostsAreGivenThenTheyAreReadCommaSeparatedFromTheFlagOrItsTwin() {
    assertThat(
            SandboxSettings.from(Map.of("allowed-hosts", " sandbox , ci.internal,,")::get)
                .allowedHosts())
        .containsExactly("sandbox", "ci.internal");
    assertThat(SandboxSettings.from(Map.of("sandbox.allowed-hosts", "*")::get).allowedHosts())
        .containsExactly("*");
    assertThat(SandboxSettings.from(Map.<String, String>of()::get).allowedHosts()).isEmpty();
  }

  @Test
  void whenRotateFlagHasNoValueThenItIsOn() {
    assertThat(SandboxSettings.from(Map.of("rotate-refresh-tokens", "")::get).rotateRefreshTokens())
        .isTrue();
    assertThat(SandboxSettings.parseFlag("false")).isFalse();
  }

  @Test
  void whenStoreIsUnknownThenStartFailsNamingTheFlag() {
    assertThatThrownBy(() -> SandboxSettings.from(Map.of("store", "redis")::get))
        .hasMessageContaining("--store");
  }

  @Test
  void whenStoreIsPostgresThenUrlUserAndPasswordAreReadFromFlagsOrTheirTwins() {
    SandboxSettings settings =
        SandboxSettings.from(
            Map.of(
                    "store",
                    "postgres",
                    "jdbc-url",
                    "jdbc:postgresql://db:5432/sandbox",
                    "sandbox.db-user",
                    "sandbox_owner",
                    "sandbox.db-password",
                    "twin-secret")
                ::get);

    assertThat(settings.store()).isEqualTo("postgres");
    assertThat(settings.postgres().redactedUrl()).isEqualTo("jdbc:postgresql://db:5432/sandbox");
    assertThat(settings.postgres().user()).isEqualTo("sandbox_owner");
    assertThat(settings.toString()).contains("password=given").doesNotContain("twin-secret");
  }

  @Test
  void whenStoreIsPostgresWithoutAUrlThenStartFailsNamingTheFlagAndItsTwin() {
    assertThatThrownBy(() -> SandboxSettings.from(Map.of("store", "postgres")::get))
        .hasMessageContaining("--jdbc-url")
        .hasMessageContaining("SANDBOX_JDBC_URL");
    assertThatThrownBy(
            () ->
                SandboxSettings.from(
                    Map.of("store", "postgres", "jdbc-url", "postgres://h/db?password=p1")::get))
        .hasMessageContaining("--jdbc-url")
        .hasMessageNotContaining("p1");
  }

  @Test
  void whenStoreIsNotPostgresThenNoJdbcSettingIsKept() {
    SandboxSettings settings =
        SandboxSettings.from(Map.of("jdbc-url", "jdbc:postgresql://db/sandbox")::get);

    assertThat(settings.store()).isEqualTo("sqlite");
    assertThat(settings.postgres()).isNull();
  }
}
