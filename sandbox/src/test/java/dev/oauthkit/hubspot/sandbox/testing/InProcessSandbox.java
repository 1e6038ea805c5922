package dev.oauthkit.hubspot.sandbox.testing;

import dev.oauthkit.hubspot.sandbox.SandboxApplication;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sandbox's Spring application in the test JVM, on a free port, with the memory store: for
 * HTTP-level tests that need no separate process.
 */
public final class InProcessSandbox implements AutoCloseable {

  public static final String ADMIN_KEY = "unit-key";

  private final ConfigurableApplicationContext context;
  private final SandboxHttp http;

  private InProcessSandbox(ConfigurableApplicationContext context) {
    this.context = context;
    this.http =
        SandboxHttp.on(((WebServerApplicationContext) context).getWebServer().getPort(), ADMIN_KEY);
  }

  /** Starts the application with its data directory in {@code dataDir}, and more flags. */
  public static InProcessSandbox start(Path dataDir, String... flags) {
    String[] args = new String[4 + flags.length];
    args[0] = "--port=0";
    args[1] = "--store=memory";
    args[2] = "--data-dir=" + dataDir;
    args[3] = "--admin-key=" + ADMIN_KEY;
    System.arraycopy(flags, 0, args, 4, flags.length);
    return new InProcessSandbox(SpringApplication.run(SandboxApplication.class, args));
  }

  /** An HTTP client for this sandbox, admin key included. */
  public SandboxHttp http() {
    return http;
  }

  @Override
  public void close() {
    context.close();
  }
}
