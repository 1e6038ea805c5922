package dev.oauthkit.hubspot.sandbox.junit;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One sandbox process ({@code java -jar hubspot-oauth-sandbox.jar --port=0 ...}) and the handle on
 * it. Its output goes to {@code sandbox.log} in a temporary directory, which also holds its data
 * directory; both are deleted when it stops. Closed by JUnit's store at the end of the class (or of
 * the run), and by a shutdown hook if the JVM ends first.
 */
final class RunningSandbox
    implements HubSpotSandbox, ExtensionContext.Store.CloseableResource, AutoCloseable {

  static final String REDIRECT_URI = "http://localhost/cb";
  private static final Pattern URL_LINE = Pattern.compile("^  URL: +(http://\\S+)$");

  /** Start-up first: C1 only, the serial collector, and the bean definitions AOT wrote. */
  private static final List<String> JVM_OPTIONS =
      List.of(
          "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Dspring.aot.enabled=true");

  private final Process process;
  private final FastStart.Launch launch;
  private final Path home;
  private final Thread shutdownHook;
  private final String baseUrl;
  private final String adminKey;
  private final AdminClient admin;
  private final AtomicLong offsetSeconds = new AtomicLong();
  private final AtomicInteger apps = new AtomicInteger();
  private final SandboxApp app;
  private volatile boolean closed;

  private RunningSandbox(
      Process process, FastStart.Launch launch, Path home, String baseUrl, String adminKey) {
    this.process = process;
    this.launch = launch;
    this.home = home;
    this.baseUrl = baseUrl;
    this.adminKey = adminKey;
    this.admin = new AdminClient(baseUrl, adminKey);
    this.shutdownHook = new Thread(process::destroyForcibly, "hubspot-sandbox-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    this.app = newApp();
  }

  /** Starts a sandbox and waits for the URL it prints (it is ready then). */
  static RunningSandbox start(SandboxSettings settings) {
    Path jar = settings.jar() != null ? settings.jar() : SandboxJar.locate();
    String adminKey = randomHex(16);
    FastStart.Launch launch = FastStart.prepare(jar);
    Path home;
    Process process;
    try {
      home = Files.createTempDirectory("hubspot-sandbox-");
      List<String> command = new ArrayList<>();
      command.add(FastStart.java());
      command.addAll(JVM_OPTIONS);
      command.addAll(launch.args());
      command.addAll(List.of("--port=0", "--data-dir=" + home.resolve("data")));
      command.addAll(settings.flags());
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().putAll(settings.environment(adminKey));
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the sandbox from " + jar, e);
    }
    CompletableFuture<String> url = new CompletableFuture<>();
    Thread pump =
        new Thread(() -> pump(process, home.resolve("sandbox.log"), url), "hubspot-sandbox-log");
    pump.setDaemon(true);
    pump.start();
    try {
      return new RunningSandbox(
          process,
          launch,
          home,
          url.get(settings.startTimeout().toMillis(), TimeUnit.MILLISECONDS),
          adminKey);
    } catch (TimeoutException | ExecutionException | RuntimeException e) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "the sandbox did not start within "
              + settings.startTimeout()
              + " ("
              + settings
              + "); its last lines:\n"
              + tail(home.resolve("sandbox.log")),
          e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the sandbox started", e);
    }
  }

  @Override
  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public String adminKey() {
    return adminKey;
  }

  @Override
  public SandboxApp app() {
    return app;
  }

  @Override
  public SandboxApp newApp() {
    List<String> scopes = List.of("oauth", "crm.objects.contacts.read");
    Map<String, Object> created =
        admin.post(
            "/sandbox/v1/apps",
            "{\"name\":\"JUnit app "
                + apps.incrementAndGet()
                + "\",\"redirect_uris\":[\""
                + REDIRECT_URI
                + "\"],\"scopes\":[\"oauth\",\"crm.objects.contacts.read\"],"
                + "\"optional_scopes\":[\"automation\"]}",
            201);
    return new SandboxApp(
        ((Number) created.get("app_id")).longValue(),
        (String) created.get("client_id"),
        (String) created.get("client_secret"),
        REDIRECT_URI,
        scopes);
  }

  @Override
  public String mintCode() {
    return mintCode(app);
  }

  @Override
  public String mintCode(SandboxApp app) {
    Map<String, Object> code =
        admin.post(
            "/sandbox/v1/authorization-codes",
            "{\"client_id\":"
                + Json.quote(app.clientId())
                + ",\"redirect_uri\":"
                + Json.quote(app.redirectUri())
                + "}",
            201);
    return (String) code.get("code");
  }

  @Override
  public SandboxTokens tokensFor() {
    return tokensFor(app);
  }

  @Override
  public SandboxTokens tokensFor(SandboxApp app) {
    Map<String, Object> tokens =
        admin.token(
            Map.of(
                "grant_type", "authorization_code",
                "client_id", app.clientId(),
                "client_secret", app.clientSecret(),
                "redirect_uri", app.redirectUri(),
                "code", mintCode(app)));
    return new SandboxTokens(
        (String) tokens.get("access_token"),
        (String) tokens.get("refresh_token"),
        Duration.ofSeconds(((Number) tokens.get("expires_in")).longValue()));
  }

  @Override
  public void expireAccessToken(String accessToken) {
    if (accessToken == null || accessToken.isEmpty()) {
      throw new IllegalArgumentException("accessToken must not be empty");
    }
    admin.post("/sandbox/v1/tokens/expire", "{\"token\":" + Json.quote(accessToken) + "}", 204);
  }

  @Override
  public Instant advanceClock(Duration by) {
    if (by == null || by.getSeconds() < 1) {
      throw new IllegalArgumentException("by must be at least one second, got " + by);
    }
    Map<String, Object> clock =
        admin.post("/sandbox/v1/clock", "{\"advance_seconds\":" + by.getSeconds() + "}", 200);
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
        "{\"operation_id\":"
            + Json.quote(operationId)
            + ",\"status\":"
            + status
            + ",\"count\":"
            + count
            + "}",
        201);
  }

  @Override
  public void reset() {
    admin.post("/sandbox/v1/reset", "", 204);
    offsetSeconds.set(0);
  }

  /** Stops the process (SIGTERM, then SIGKILL after 30 s) and deletes its directory. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    process.destroy();
    boolean stopped = false;
    try {
      stopped = process.waitFor(30, TimeUnit.SECONDS);
      if (!stopped) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    if (stopped) {
      launch.publish();
    } else {
      launch.discard();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down
    }
    deleteQuietly(home);
  }

  /** How the process was started (for tests of the fast start). */
  FastStart.Launch launch() {
    return launch;
  }

  @Override
  public String toString() {
    return "HubSpotSandbox[" + baseUrl + (closed ? ", stopped" : "") + "]";
  }

  /** Copies the process's output to the log and completes {@code url} from the URL line. */
  private static void pump(Process process, Path log, CompletableFuture<String> url) {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        out.write(line);
        out.newLine();
        if (!url.isDone()) {
          Matcher matcher = URL_LINE.matcher(line);
          if (matcher.matches()) {
            out.flush();
            url.complete(matcher.group(1));
          }
        } else {
          out.flush();
        }
      }
    } catch (IOException e) {
      url.completeExceptionally(e);
    }
    url.completeExceptionally(new IllegalStateException("the sandbox exited"));
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory; the OS cleans it up
    }
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
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
