package dev.oauthkit.hubspot.sandbox.junit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The {@link HubSpotSandbox} handle on one {@link SandboxProcess}: the admin API's levers (apps,
 * codes, tokens, expiry, clock, faults, reset). Closed by JUnit's store at the end of the class (or
 * of the run), which stops the process.
 */
final class RunningSandbox
    implements HubSpotSandbox, ExtensionContext.Store.CloseableResource, AutoCloseable {

  static final String REDIRECT_URI = "http://localhost/cb";
  private static final List<String> SCOPES = List.of("oauth", "crm.objects.contacts.read");

  private final SandboxProcess process;
  private final String adminKey;
  private final AdminClient admin;
  private final AtomicLong offsetSeconds = new AtomicLong();
  private final AtomicInteger apps = new AtomicInteger(1);
  private volatile SandboxApp app;

  private RunningSandbox(SandboxProcess process) {
    this.process = process;
    this.adminKey = process.adminKey();
    this.admin = new AdminClient(process.baseUrl(), adminKey);
  }

  /**
   * Adopts the sandbox {@link EarlyStart} launched with these settings, or starts one with a random
   * admin key, and waits until it is ready. Its first app is registered at the first {@link
   * #app()}, not here: no admin call stands between the start and the first test.
   */
  static RunningSandbox start(SandboxSettings settings) {
    SandboxProcess process =
        EarlyStart.take(settings).orElseGet(() -> SandboxProcess.launch(settings));
    try {
      return new RunningSandbox(process.awaitUrl(settings));
    } catch (RuntimeException e) {
      process.close();
      throw e;
    }
  }

  @Override
  public String baseUrl() {
    return process.baseUrl();
  }

  @Override
  public String adminKey() {
    return adminKey;
  }

  /** The app registered at the first call (named "JUnit app 1"). */
  @Override
  public SandboxApp app() {
    SandboxApp first = app;
    if (first == null) {
      synchronized (this) {
        first = app;
        if (first == null) {
          first = register("JUnit app 1");
          app = first;
        }
      }
    }
    return first;
  }

  @Override
  public SandboxApp newApp() {
    return register("JUnit app " + apps.incrementAndGet());
  }

  private SandboxApp register(String name) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("name", name);
    request.put("redirect_uris", List.of(REDIRECT_URI));
    request.put("scopes", SCOPES);
    request.put("optional_scopes", List.of("automation"));
    Map<String, Object> created = admin.post("/sandbox/v1/apps", request, 201);
    return new SandboxApp(
        ((Number) created.get("app_id")).longValue(),
        (String) created.get("client_id"),
        (String) created.get("client_secret"),
        REDIRECT_URI,
        SCOPES);
  }

  @Override
  public String mintCode() {
    return mintCode(app());
  }

  @Override
  public String mintCode(SandboxApp app) {
    requireApp(app);
    Map<String, Object> code =
        admin.post(
            "/sandbox/v1/authorization-codes",
            Map.of("client_id", app.clientId(), "redirect_uri", app.redirectUri()),
            201);
    return (String) code.get("code");
  }

  @Override
  public SandboxTokens tokensFor() {
    return tokensFor(app());
  }

  @Override
  public SandboxTokens tokensFor(SandboxApp app) {
    requireApp(app);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", mintCode(app));
    form.put("redirect_uri", app.redirectUri());
    form.put("client_id", app.clientId());
    form.put("client_secret", app.clientSecret());
    return SandboxTokens.from(admin.token(form));
  }

  @Override
  public void expireAccessToken(String accessToken) {
    if (accessToken == null || accessToken.isEmpty()) {
      throw new IllegalArgumentException("accessToken must not be empty");
    }
    admin.post("/sandbox/v1/tokens/expire", Map.of("token", accessToken), 204);
  }

  @Override
  public Instant advanceClock(Duration by) {
    if (by == null || by.getSeconds() < 1) {
      throw new IllegalArgumentException("by must be at least one second, got " + by);
    }
    Map<String, Object> clock =
        admin.post("/sandbox/v1/clock", Map.of("advance_seconds", by.getSeconds()), 200);
    offsetSeconds.set(((Number) clock.get("offset_seconds")).longValue());
    return Instant.parse((String) clock.get("now"));
  }

  @Override
  public Clock clock() {
    return new OffsetClock();
  }

  @Override
  public void injectFault(String operationId, int status) {
    injectFault(operationId, status, 1);
  }

  @Override
  public void injectFault(String operationId, int status, int count) {
    if (operationId == null || operationId.isBlank()) {
      throw new IllegalArgumentException("operationId must not be blank");
    }
    admin.post(
        "/sandbox/v1/faults",
        Map.of("operation_id", operationId, "status", status, "count", count),
        201);
  }

  @Override
  public void reset() {
    admin.post("/sandbox/v1/reset", null, 204);
    offsetSeconds.set(0);
  }

  /** Stops the process and deletes its directory. */
  @Override
  public void close() {
    process.close();
  }

  /** When its process was launched, by {@link System#nanoTime()} (for tests of the early start). */
  long launchedNanos() {
    return process.launchedNanos();
  }

  /** How the process was started (for tests of the fast start). */
  FastStart.Launch launch() {
    return process.launch();
  }

  @Override
  public String toString() {
    return "HubSpotSandbox[" + process.baseUrl() + (process.closed() ? ", stopped" : "") + "]";
  }

  private static void requireApp(SandboxApp app) {
    if (app == null) {
      throw new IllegalArgumentException("app must not be null");
    }
  }

  /** The system clock plus the sandbox's offset as last answered. */
  private final class OffsetClock extends Clock {
    @Override
    public Instant instant() {
      return Instant.now().plusSeconds(offsetSeconds.get());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the sandbox clock is UTC only");
    }
  }
}
