package dev.oauthkit.hubspot.sandbox.admin;

import dev.oauthkit.hubspot.sandbox.admin.api.SandboxApi;
import dev.oauthkit.hubspot.sandbox.admin.model.Health;
import dev.oauthkit.hubspot.sandbox.clock.SandboxClock;
import dev.oauthkit.hubspot.sandbox.fault.FaultInjector;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /sandbox/v1/health} (no admin key: UP once the application is ready, so after the
 * store has opened) and {@code POST /sandbox/v1/reset} (faults disarmed, clock at the real time).
 */
@RestController
public final class SandboxAdminController
    implements SandboxApi, ApplicationListener<ApplicationReadyEvent> {

  /** The readiness path, which the admin key check leaves out. */
  public static final String HEALTH_PATH = "/sandbox/v1/health";

  private final FaultInjector faults;
  private final SandboxClock clock;
  private volatile boolean ready;

  public SandboxAdminController(FaultInjector faults, SandboxClock clock) {
    this.faults = faults;
    this.clock = clock;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    ready = true;
  }

  @Override
  public ResponseEntity<Health> getHealth() {
    Health body = new Health(ready ? Health.StatusEnum.UP : Health.StatusEnum.DOWN);
    return ResponseEntity.status(ready ? 200 : 503).cacheControl(CacheControl.noStore()).body(body);
  }

  @Override
  public ResponseEntity<Void> resetSandbox() {
    faults.disarmAll();
    clock.reset();
    return ResponseEntity.noContent().build();
  }
}
