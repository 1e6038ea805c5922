package dev.oauthkit.hubspot.sandbox.admin;

import dev.oauthkit.hubspot.sandbox.admin.api.SandboxApi;
import dev.oauthkit.hubspot.sandbox.admin.model.Health;
import dev.oauthkit.hubspot.sandbox.api.ApiVersions;
import dev.oauthkit.hubspot.sandbox.clock.SandboxClock;
import dev.oauthkit.hubspot.sandbox.fault.FaultInjector;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /sandbox/v1/health} (no admin key: UP once the application is ready, so after the
 * store has opened; {@code api_versions} lists the HubSpot API versions served, oldest first) and
 * {@code POST /sandbox/v1/reset} (faults disarmed, clock at the real time).
 */
@RestController
public final class SandboxAdminController
    implements SandboxApi, ApplicationListener<ApplicationReadyEvent> {

  /** The readiness path, which the admin key check leaves out. */
  public static final String HEALTH_PATH = "/sandbox/v1/health";

  private final FaultInjector faults;
  private final SandboxClock clock;
  private final List<String> apiVersions;
  private volatile boolean ready;

  /**
   * {@code apiVersions}: the versions served, from the settings bean by name (the config package
   * already depends on this one).
   */
  public SandboxAdminController(
      FaultInjector faults,
      SandboxClock clock,
      @Value("#{sandboxSettings.apiVersions()}") List<String> apiVersions) {
    this.faults = faults;
    this.clock = clock;
    this.apiVersions = oldestFirst(apiVersions);
  }

  /** v1 first, then the date versions oldest first, however {@code --api-versions} ordered them. */
  static List<String> oldestFirst(List<String> versions) {
    return versions.stream()
        .sorted(
            Comparator.comparing((String v) -> !v.equals(ApiVersions.V1))
                .thenComparing(Comparator.naturalOrder()))
        .toList();
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    ready = true;
  }

  @Override
  public ResponseEntity<Health> getHealth() {
    Health body =
        new Health(ready ? Health.StatusEnum.UP : Health.StatusEnum.DOWN).apiVersions(apiVersions);
    return ResponseEntity.status(ready ? 200 : 503).cacheControl(CacheControl.noStore()).body(body);
  }

  @Override
  public ResponseEntity<Void> resetSandbox() {
    faults.disarmAll();
    clock.reset();
    return ResponseEntity.noContent().build();
  }
}
