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
}
