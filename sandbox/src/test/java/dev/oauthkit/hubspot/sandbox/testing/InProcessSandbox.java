package dev.oauthkit.hubspot.sandbox.testing;

import dev.oauthkit.hubspot.sandbox.SandboxApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sandbox's Spring application in the test JVM, on a free port, with the memory store: for
 * HTTP-level tests that need no separate process.
 */
public final class InProcessSandbox implements AutoCloseable {

  public static final String ADMIN_KEY = "unit-key";

  /**
   * Held while a Spring application of a test starts or stops: Spring Boot's logging system is one
   * per JVM, and two test classes starting or closing applications at once (JUnit runs classes in
   * parallel) raced on it ("Unable to find Spring Environment in logger context").
   */
  public static final Object SPRING = new Object();

  private final ConfigurableApplicationContext context;
  private final SandboxHttp http;

  private InProcessSandbox(ConfigurableApplicationContext context) {
    this.context = context;
    this.http =
        SandboxHttp.on(((WebServerApplicationContext) context).getWebServer().getPort(), ADMIN_KEY);
  }

  /**
   * Starts the application with its data directory in {@code dataDir}, and more flags; the store is
   * the memory store unless a flag names another.
   */
  public static InProcessSandbox start(Path dataDir, String... flags) {
    List<String> args =
        new ArrayList<>(List.of("--port=0", "--data-dir=" + dataDir, "--admin-key=" + ADMIN_KEY));
    if (Arrays.stream(flags).noneMatch(flag -> flag.startsWith("--store="))) {
      args.add("--store=memory");
    }
    args.addAll(List.of(flags));
    synchronized (SPRING) {
      return new InProcessSandbox(
          SpringApplication.run(SandboxApplication.class, args.toArray(String[]::new)));
    }
  }

  /** An HTTP client for this sandbox, admin key included. */
  public SandboxHttp http() {
    return http;
  }

  @Override
  public void close() {
    synchronized (SPRING) {
      context.close();
    }
  }
}
