package dev.oauthkit.hubspot.sandbox.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.sandbox.app.AppRegistry;
import dev.oauthkit.hubspot.sandbox.store.MemoryStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupReportTest {

  @TempDir Path temp;

  private String report(List<String> args, Map<String, String> environment) {
    SandboxSettings settings = SandboxSettings.from(Flags.parse(args, environment));
    DataDir dataDir = DataDir.open(temp);
    MemoryStore store = MemoryStore.create();
    return new StartupReport(
            AdminKeys.resolve(settings, dataDir),
            DemoApp.ensure(AppRegistry.load(store), dataDir),
            store,
            dataDir,
            settings)
        .text(8080, Duration.ofMillis(1234));
  }

  @Test
  void whenTheAdminKeyComesFromTheEnvironmentThenTheReportNamesTheVariable() {
    String text =
        report(
            List.of("--port=0", "--store=memory"),
            Map.of("SANDBOX_ADMIN_KEY", "env-key", "SANDBOX_ACCESS_TOKEN_TTL", "60"));

    assertThat(text)
        .contains("  Admin key:      from SANDBOX_ADMIN_KEY\n")
        .contains(
            "  Settings from:  --port, SANDBOX_ADMIN_KEY, --store, SANDBOX_ACCESS_TOKEN_TTL;"
                + " the rest are defaults")
        .contains("access tokens live 60 s")
        .doesNotContain("env-key");
  }

  @Test
  void whenTheAdminKeyIsAFlagThenTheReportNamesTheFlag() {
    String text = report(List.of("--admin-key=k"), Map.of());

    assertThat(text).contains("  Admin key:      from --admin-key\n");
  }

  @Test
  void whenVersionsAreSwitchedOffThenTheReportNamesThemAndTheFlagThatDidIt() {
    List<String> dated = ServedVersions.all().subList(1, ServedVersions.all().size());
    assertThat(report(List.of("--admin-key=k", "--api-versions=v1"), Map.of()))
        .contains(
            "  API versions:   v1; switched off, their routes answer 404: "
                + String.join(", ", dated)
                + " (by --api-versions)");
    assertThat(report(List.of("--admin-key=k"), Map.of("SANDBOX_DISABLE_V1", "true")))
        .contains(
            "  API versions:   "
                + String.join(", ", dated)
                + "; switched off, their routes answer 404: v1 (by SANDBOX_DISABLE_V1)");
    assertThat(report(List.of("--admin-key=k"), Map.of()))
        .contains(
            "  API versions:   "
                + String.join(", ", ServedVersions.all())
                + " (v1 is switched off at HubSpot on 2027-02-16)");
  }
}
