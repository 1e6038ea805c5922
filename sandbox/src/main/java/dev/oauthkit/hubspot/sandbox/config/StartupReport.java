package dev.oauthkit.hubspot.sandbox.config;

import dev.oauthkit.hubspot.sandbox.admin.AdminKey;
import dev.oauthkit.hubspot.sandbox.store.JdbcStore;
import dev.oauthkit.hubspot.sandbox.store.SandboxStore;
import java.io.PrintStream;
import java.util.Locale;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Prints, once the server is up: the URL (with the real port, also for {@code --port=0}), the
 * store, where the admin key is (the key itself only the one time it is generated), the demo app's
 * client id, where its secret is, and an authorize URL to open in a browser.
 */
@Component
public final class StartupReport implements ApplicationListener<ApplicationReadyEvent> {

  private final AdminKey adminKey;
  private final DemoApp demoApp;
  private final SandboxStore store;
  private final DataDir dataDir;
  private final SandboxSettings settings;

  public StartupReport(
      AdminKey adminKey,
      DemoApp demoApp,
      SandboxStore store,
      DataDir dataDir,
      SandboxSettings settings) {
    this.adminKey = adminKey;
    this.demoApp = demoApp;
    this.store = store;
    this.dataDir = dataDir;
    this.settings = settings;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    int port =
        ((WebServerApplicationContext) event.getApplicationContext()).getWebServer().getPort();
    String url = "http://" + host(event.getApplicationContext().getEnvironment()) + ":" + port;
    PrintStream out = System.out;
    out.printf(
        Locale.ROOT,
        "HubSpot OAuth sandbox started in %.3f s%n",
        event.getTimeTaken().toMillis() / 1000.0);
    out.println("  URL:            " + url);
    out.println("  Store:          " + storeLine());
    out.println(
        "  Token settings: access tokens live "
            + settings.accessTokenTtl().toSeconds()
            + " s, refresh tokens "
            + (settings.rotateRefreshTokens() ? "rotate" : "are kept (as at HubSpot)"));
    out.println(
        "  API versions:   2026-03"
            + (settings.disableV1()
                ? " only (v1 switched off by --disable-v1: its routes answer 404)"
                : " and v1 (v1 is switched off at HubSpot on 2027-02-16)"));
    if (adminKey.generated()) {
      out.println("  Admin key:      " + adminKey.revealOnce() + "  (shown once)");
      out.println("                  stored in " + adminKey.source() + " (owner-only)");
    } else {
      out.println("  Admin key:      from " + adminKey.source());
    }
    out.println("  Demo app:       client_id " + demoApp.app().clientId());
    out.println("                  client_secret in " + demoApp.file() + " (owner-only)");
    out.println("  Authorize URL:  " + authorizeUrl(url));
    out.flush();
  }

  private String storeLine() {
    if (store instanceof JdbcStore jdbc && settings.postgres() != null) {
      return "postgres at "
          + settings.postgres().redactedUrl()
          + " (schema version "
          + jdbc.schemaVersion()
          + "); files in "
          + dataDir.root();
    }
    return store.kind() + " in " + dataDir.root();
  }

  private String authorizeUrl(String url) {
    return url + demoApp.authorizePath();
  }

  private static String host(Environment environment) {
    String bind = environment.getProperty("server.address", "127.0.0.1");
    return bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind;
  }
}
