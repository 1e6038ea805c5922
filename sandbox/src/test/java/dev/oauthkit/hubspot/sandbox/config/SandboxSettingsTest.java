package dev.oauthkit.hubspot.sandbox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxSettingsTest {

  /** The settings of a command line, with an empty environment. */
  static SandboxSettings settings(String... args) {
    return SandboxSettings.from(Flags.parse(List.of(args), Map.of()));
  }

  private static SandboxSettings environment(Map<String, String> variables) {
    return SandboxSettings.from(Flags.parse(List.of(), variables));
  }

  @Test
  void whenNothingIsGivenThenDefaultsApply() {
    SandboxSettings settings = settings();

    assertThat(settings.port()).isEqualTo(8080);
    assertThat(settings.bind()).isEqualTo("127.0.0.1");
    assertThat(settings.dataDir()).isEqualTo(Path.of("data"));
    assertThat(settings.store()).isEqualTo(StoreKind.SQLITE);
    assertThat(settings.adminKey()).isNull();
    assertThat(settings.rotateRefreshTokens()).isFalse();
    assertThat(settings.accessTokenTtl()).isEqualTo(Duration.ofSeconds(1800));
    assertThat(settings.apiVersions())
        .containsExactlyElementsOf(ServedVersions.all())
        .startsWith("v1")
        .contains("2026-03");
  }

  @Test
  void whenOnlyTheEnvironmentTwinIsSetThenItIsUsed() {
    SandboxSettings settings =
        environment(
            Map.of(
                "SANDBOX_DATA_DIR", "/tmp/x",
                "SANDBOX_STORE", "MEMORY",
                "SANDBOX_ADMIN_KEY", "k",
                "SANDBOX_PORT", "0"));

    assertThat(settings.dataDir()).isEqualTo(Path.of("/tmp/x"));
    assertThat(settings.store()).isEqualTo(StoreKind.MEMORY);
    assertThat(settings.adminKey()).isEqualTo("k");
    assertThat(settings.port()).isZero();
  }

  @Test
  void whenTtlIsSecondsOrIsoThenBothParse() {
    assertThat(settings("--access-token-ttl=600").accessTokenTtl())
        .isEqualTo(Duration.ofMinutes(10));
    assertThat(settings("--access-token-ttl=PT30M").accessTokenTtl())
        .isEqualTo(Duration.ofMinutes(30));
    assertThatThrownBy(() -> settings("--access-token-ttl=0"))
        .hasMessageContaining("--access-token-ttl must be between 1 s");
  }

  @Test
  void whenPurgeIntervalIsMissingSecondsIsoZeroOrBadThenItIs60sParsedOffOrRefused() {
    assertThat(settings().purgeInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings("--purge-interval=5").purgeInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(environment(Map.of("SANDBOX_PURGE_INTERVAL", "PT2M")).purgeInterval())
        .isEqualTo(Duration.ofMinutes(2));
    assertThat(settings("--purge-interval=0").purgeInterval()).isZero();
    assertThatThrownBy(() -> settings("--purge-interval=often"))
        .hasMessageContaining("--purge-interval");
    assertThatThrownBy(() -> settings("--purge-interval=PT-1S"))
        .hasMessageContaining("--purge-interval");
  }

  @Test
  void whenDisableV1IsGivenThenItIsOnAndOtherwiseOff() {
    List<String> dated = ServedVersions.all().subList(1, ServedVersions.all().size());
    assertThat(settings("--disable-v1").apiVersions()).containsExactlyElementsOf(dated);
    assertThat(environment(Map.of("SANDBOX_DISABLE_V1", "true")).apiVersions())
        .containsExactlyElementsOf(dated);
    assertThat(settings("--disable-v1=false").apiVersions())
        .containsExactlyElementsOf(ServedVersions.all());
  }

  @Test
  void whenApiVersionsAreListedThenTheyAreServedInThatOrderAndTheRestSwitchedOff() {
    assertThat(settings("--api-versions=2026-03, v1").apiVersions())
        .containsExactly("2026-03", "v1");
    SandboxSettings v1Only = settings("--api-versions=v1");
    assertThat(v1Only.apiVersions()).containsExactly("v1");
    assertThat(settings("--api-versions=2026-03", "--disable-v1").apiVersions())
        .containsExactly("2026-03");
  }

  @Test
  void whenApiVersionsNameABadUnknownOrRepeatedVersionThenTheLineNamesItAndTheKnownOnes() {
    String known = String.join(", ", ServedVersions.all());
    assertThatThrownBy(() -> settings("--api-versions=v1,2026-13"))
        .hasMessage(
            "--api-versions: '2026-13' is not a version (v1 or YYYY-MM); choose from " + known);
    assertThatThrownBy(() -> settings("--api-versions=2031-03"))
        .hasMessage(
            "--api-versions: 2031-03 is not a version this sandbox knows; choose from " + known);
    assertThatThrownBy(() -> settings("--api-versions=v1,v1"))
        .hasMessage("--api-versions: v1 is named twice; choose from " + known);
    assertThatThrownBy(() -> settings("--api-versions="))
        .hasMessageStartingWith("--api-versions: '' is not a version");
  }

  @Test
  void whenDisableV1AndApiVersionsNamingV1AreBothGivenThenTheStartIsRefused() {
    assertThatThrownBy(() -> settings("--api-versions=v1,2026-03", "--disable-v1"))
        .hasMessage("--disable-v1 contradicts --api-versions, which names v1; give one of them");
  }

  @Test
  void whenAllowedHostsAreGivenThenTheyAreReadCommaSeparatedFromTheFlagOrItsTwin() {
    assertThat(settings("--allowed-hosts= sandbox , ci.internal,,").allowedHosts())
        .containsExactly("sandbox", "ci.internal");
    assertThat(environment(Map.of("SANDBOX_ALLOWED_HOSTS", "*")).allowedHosts())
        .containsExactly("*");
    assertThat(settings().allowedHosts()).isEmpty();
  }

  @Test
  void whenRotateFlagHasNoValueThenItIsOn() {
    assertThat(settings("--rotate-refresh-tokens").rotateRefreshTokens()).isTrue();
    assertThat(settings("--rotate-refresh-tokens=false").rotateRefreshTokens()).isFalse();
  }

  @Test
  void whenBindIsNoAddressThenTheLineNamesTheFlag() {
    assertThat(settings("--bind=0.0.0.0").address().isAnyLocalAddress()).isTrue();
    assertThatThrownBy(() -> settings("--bind=no-such-host.invalid"))
        .hasMessageStartingWith("--bind=no-such-host.invalid: must be an IP address");
  }

  @Test
  void whenStoreIsPostgresThenUrlUserAndPasswordAreReadFromFlagsOrTheirTwins() {
    SandboxSettings settings =
        SandboxSettings.from(
            Flags.parse(
                List.of("--store=postgres", "--jdbc-url=jdbc:postgresql://db:5432/sandbox"),
                Map.of("SANDBOX_DB_USER", "sandbox_owner", "SANDBOX_DB_PASSWORD", "twin-secret")));

    assertThat(settings.store()).isEqualTo(StoreKind.POSTGRES);
    assertThat(settings.postgres().redactedUrl()).isEqualTo("jdbc:postgresql://db:5432/sandbox");
    assertThat(settings.postgres().user()).isEqualTo("sandbox_owner");
    assertThat(settings.toString()).contains("password=given").doesNotContain("twin-secret");
  }

  @Test
  void whenStoreIsPostgresWithoutAUrlThenStartFailsNamingTheFlagAndItsTwin() {
    assertThatThrownBy(() -> settings("--store=postgres"))
        .hasMessageContaining("--jdbc-url")
        .hasMessageContaining("SANDBOX_JDBC_URL");
    assertThatThrownBy(() -> settings("--store=postgres", "--jdbc-url=postgres://h/db?password=p1"))
        .hasMessageContaining("--jdbc-url")
        .hasMessageNotContaining("p1");
  }

  @Test
  void whenStoreIsNotPostgresThenNoJdbcSettingIsKept() {
    SandboxSettings settings = settings("--jdbc-url=jdbc:postgresql://db/sandbox");

    assertThat(settings.store()).isEqualTo(StoreKind.SQLITE);
    assertThat(settings.postgres()).isNull();
  }

  @Test
  void whenPrintedThenTheAdminKeyIsNotShown() {
    assertThat(settings("--admin-key=s3cret").toString())
        .contains("adminKey=given")
        .doesNotContain("s3cret");
  }
}
