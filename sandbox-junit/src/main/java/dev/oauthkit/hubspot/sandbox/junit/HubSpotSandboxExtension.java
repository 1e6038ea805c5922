package dev.oauthkit.hubspot.sandbox.junit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs the HubSpot OAuth sandbox as a child process ({@code java -jar},
 * the jar embedded in this one) on a free port of 127.0.0.1: one per test class, or one per run
 * with {@link Builder#perRun()}. Nothing of the sandbox (Spring Boot 4, Jackson 3) reaches the
 * test's classpath. Use {@link HubSpotSandboxTest}, or, WireMock-style:
 *
 * <pre>{@code
 * @RegisterExtension
 * static HubSpotSandboxExtension sandbox = HubSpotSandboxExtension.builder().build();
 * }</pre>
 *
 * <p>The field is itself the {@link HubSpotSandbox} once the class has started; methods can also
 * take a {@link HubSpotSandbox} parameter.
 */
public final class HubSpotSandboxExtension
    implements BeforeAllCallback, BeforeEachCallback, ParameterResolver, HubSpotSandbox {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(HubSpotSandboxExtension.class);

  private final SandboxSettings settings;
  private volatile RunningSandbox running;

  /** For {@link HubSpotSandboxTest} and {@code @ExtendWith}: settings from the annotation. */
  public HubSpotSandboxExtension() {
    this(null);
  }

  private HubSpotSandboxExtension(SandboxSettings settings) {
    this.settings = settings;
  }

  /** Starts a builder: memory store, 30-minute access tokens, one sandbox per class. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    ensureStarted(context);
  }

  /** Also serves an instance (non-static) field, started per test method. */
  @Override
  public void beforeEach(ExtensionContext context) {
    ensureStarted(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == HubSpotSandbox.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return ensureStarted(context);
  }

  private RunningSandbox ensureStarted(ExtensionContext context) {
    SandboxSettings effective = settings != null ? settings : fromAnnotation(context);
    ExtensionContext.Store store =
        effective.perRun() ? context.getRoot().getStore(NAMESPACE) : context.getStore(NAMESPACE);
    Object key = effective.perRun() ? effective : this;
    RunningSandbox sandbox =
        store.getOrComputeIfAbsent(key, k -> RunningSandbox.start(effective), RunningSandbox.class);
    running = sandbox;
    return sandbox;
  }

  private static SandboxSettings fromAnnotation(ExtensionContext context) {
    return SandboxSettings.fromAnnotation(context.getRequiredTestClass())
        .orElseGet(SandboxSettings::defaults);
  }

  private HubSpotSandbox running() {
    RunningSandbox sandbox = running;
    if (sandbox == null) {
      throw new IllegalStateException(
          "the sandbox has not started: register the extension with @RegisterExtension on a"
              + " static field, and use it from tests or @BeforeAll methods");
    }
    return sandbox;
  }

  @Override
  public String baseUrl() {
    return running().baseUrl();
  }

  @Override
  public String adminKey() {
    return running().adminKey();
  }

  @Override
  public SandboxApp app() {
    return running().app();
  }

  @Override
  public SandboxApp newApp() {
    return running().newApp();
  }

  @Override
  public String mintCode() {
    return running().mintCode();
  }

  @Override
  public String mintCode(SandboxApp app) {
    return running().mintCode(app);
  }

  @Override
  public SandboxTokens tokensFor() {
    return running().tokensFor();
  }

  @Override
  public SandboxTokens tokensFor(SandboxApp app) {
    return running().tokensFor(app);
  }

  @Override
  public void expireAccessToken(String accessToken) {
    running().expireAccessToken(accessToken);
  }

  @Override
  public Instant advanceClock(Duration by) {
    return running().advanceClock(by);
  }

  @Override
  public Clock clock() {
    return running().clock();
  }

  @Override
  public void injectFault(String operationId, int status) {
    running().injectFault(operationId, status);
  }

  @Override
  public void injectFault(String operationId, int status, int count) {
    running().injectFault(operationId, status, count);
  }

  @Override
  public void reset() {
    running().reset();
  }

  @Override
  public String toString() {
    RunningSandbox sandbox = running;
    return sandbox == null ? "HubSpotSandbox[not started]" : sandbox.toString();
  }

  /** Builds a {@link HubSpotSandboxExtension}; every option has a default. */
  public static final class Builder {
    private boolean perRun;
    private boolean rotateRefreshTokens;
    private Duration accessTokenTtl = SandboxSettings.DEFAULT_TTL;
    private String jdbcUrl;
    private String dbUser;
    private String dbPassword;
    private Path jar;
    private Duration startTimeout = SandboxSettings.DEFAULT_START_TIMEOUT;

    private Builder() {}

    /**
     * One sandbox for the whole run (JUnit's root store), shared by every class whose extension has
     * equal settings, instead of one per class. Stopped when the run ends.
     */
    public Builder perRun() {
      this.perRun = true;
      return this;
    }

    /** A refresh grant replaces the refresh token (HubSpot keeps it; the default). */
    public Builder rotateRefreshTokens() {
      this.rotateRefreshTokens = true;
      return this;
    }

    /** How long access tokens live (default 30 minutes, as at HubSpot); at least a second. */
    public Builder accessTokenTtl(Duration ttl) {
      Objects.requireNonNull(ttl, "ttl");
      if (ttl.getSeconds() < 1) {
        throw new IllegalArgumentException("ttl must be at least one second, got " + ttl);
      }
      this.accessTokenTtl = ttl;
      return this;
    }

    /**
     * The PostgreSQL store instead of the memory store ({@code --store=postgres}): the database
     * must exist and the user may create tables in it. The password goes to the sandbox through its
     * environment, never its command line.
     */
    public Builder postgres(String jdbcUrl, String user, String password) {
      Objects.requireNonNull(jdbcUrl, "jdbcUrl");
      if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
        throw new IllegalArgumentException("jdbcUrl must start with jdbc:postgresql://");
      }
      this.jdbcUrl = jdbcUrl;
      this.dbUser = Objects.requireNonNull(user, "user");
      this.dbPassword = Objects.requireNonNull(password, "password");
      return this;
    }

    /** Runs this sandbox jar instead of the one embedded in this extension. */
    public Builder sandboxJar(Path jar) {
      Objects.requireNonNull(jar, "jar");
      if (!Files.isRegularFile(jar)) {
        throw new IllegalArgumentException("jar must be an existing file, got " + jar);
      }
      this.jar = jar;
      return this;
    }

    /** How long to wait for the sandbox's URL (default 90 s). */
    public Builder startTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, got " + timeout);
      }
      this.startTimeout = timeout;
      return this;
    }

    /** The extension, to put in a {@code @RegisterExtension static} field. */
    public HubSpotSandboxExtension build() {
      return new HubSpotSandboxExtension(
          new SandboxSettings(
              perRun,
              rotateRefreshTokens,
              accessTokenTtl,
              jdbcUrl,
              dbUser,
              dbPassword,
              jar,
              startTimeout));
    }
  }
}
