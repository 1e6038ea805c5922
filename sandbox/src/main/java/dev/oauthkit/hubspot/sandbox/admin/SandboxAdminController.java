package dev.oauthkit.hubspot.sandbox.admin;

import dev.oauthkit.hubspot.sandbox.admin.api.SandboxApi;
import dev.oauthkit.hubspot.sandbox.admin.model.Health;
import dev.oauthkit.hubspot.sandbox.api.ApiVersions;
import dev.oauthkit.hubspot.sandbox.clock.SandboxClock;
import dev.oauthkit.hubspot.sandbox.fault.FaultInjector;
import dev.oauthkit.hubspot.sandbox.store.SandboxStore;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /sandbox/v1/health} (no admin key; readiness: UP once the application is ready, so
 * after the store has opened, and while the store can write; DOWN with {@code live: true, store:
 * DOWN} while it cannot, since any answer at all means the process is live) and {@code POST
 * /sandbox/v1/reset} (faults disarmed, clock at the real time); {@code api_versions} lists the
 * HubSpot API versions served, oldest first.
 */
@RestController
public final class SandboxAdminController
    implements SandboxApi, ApplicationListener<ApplicationReadyEvent> {

  /** The readiness path, which the admin key check leaves out. */
  public static final String HEALTH_PATH = "/sandbox/v1/health";

  private final FaultInjector faults;
  private final SandboxClock clock;
  private final SandboxStore store;
  private final List<String> apiVersions;
  private volatile boolean ready;

  /**
   * {@code apiVersions}: the versions served, from the settings bean by name (the config package
   * already depends on this one).
   */
  public SandboxAdminController(
      FaultInjector faults,
      SandboxClock clock,
      SandboxStore store,
      @Value("#{sandboxSettings.apiVersions()}") List<String> apiVersions) {
    this.faults = faults;
    this.clock = clock;
    this.store = store;
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
    if (!ready) {
      return answer(503, new Health(Health.StatusEnum.DOWN).apiVersions(apiVersions));
    }
    if (store.writable()) {
      return answer(200, new Health(Health.StatusEnum.UP).apiVersions(apiVersions));
    }
    Health body = new Health(Health.StatusEnum.DOWN).apiVersions(apiVersions);
    body.setLive(true);
    body.setStore(Health.StoreEnum.DOWN);
    return answer(503, body);
  }

  private static ResponseEntity<Health> answer(int status, Health body) {
    ResponseEntity.BodyBuilder answer =
        ResponseEntity.status(status).cacheControl(CacheControl.noStore());
    if (status == 503) {
      answer.header("Retry-After", "1");
    }
    return answer.body(body);
  }

  @Override
  public ResponseEntity<Void> resetSandbox() {
    faults.disarmAll();
    clock.reset();
    return ResponseEntity.noContent().build();
  }
}
