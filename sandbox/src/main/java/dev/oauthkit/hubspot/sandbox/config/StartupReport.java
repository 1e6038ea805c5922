package dev.oauthkit.hubspot.sandbox.config;

import dev.oauthkit.hubspot.sandbox.admin.AdminKey;
import dev.oauthkit.hubspot.sandbox.api.ApiVersions;
import dev.oauthkit.hubspot.sandbox.store.JdbcStore;
import dev.oauthkit.hubspot.sandbox.store.SandboxStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Prints, once the server is up: the URL (with the real port, also for {@code --port=0}), the
 * store, the API versions served, where the admin key is (the key itself only the one time it is
 * generated; else the flag, variable or file it came from), the demo app's client id, where its
 * secret is, an authorize URL to open in a browser, and which flags and variables were given.
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
    System.out.print(text(port, event.getTimeTaken()));
    System.out.flush();
  }

  /** The report for a server on {@code port} that took {@code taken} to start. */
  String text(int port, Duration taken) {
    String url = "http://" + host() + ":" + port;
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    out.printf(Locale.ROOT, "HubSpot OAuth sandbox started in %.3f s%n", taken.toMillis() / 1000.0);
    out.println("  URL:            " + url);
    out.println("  Store:          " + storeLine());
    out.println(
        "  Token settings: access tokens live "
            + settings.accessTokenTtl().toSeconds()
            + " s, refresh tokens "
            + (settings.rotateRefreshTokens() ? "rotate" : "are kept (as at HubSpot)"));
    out.println("  API versions:   " + versionsLine());
    if (adminKey.generated()) {
      out.println("  Admin key:      " + adminKey.revealOnce() + "  (shown once)");
      out.println("                  stored in " + adminKey.source() + " (owner-only)");
    } else {
      out.println("  Admin key:      from " + adminKey.source());
    }
    out.println("  Demo app:       client_id " + demoApp.app().clientId());
    out.println("                  client_secret in " + demoApp.file() + " (owner-only)");
    out.println("  Authorize URL:  " + authorizeUrl(url));
    out.println("  Settings from:  " + originsLine());
    out.flush();
    return text.toString();
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
    return settings.store().id() + " in " + dataDir.root();
  }

  private String versionsLine() {
    String served = String.join(", ", settings.apiVersions());
    List<String> off =
        ServedVersions.all().stream().filter(v -> !settings.apiVersions().contains(v)).toList();
    if (off.isEmpty()) {
      return served
          + (settings.apiVersions().contains(ServedVersions.V1)
              ? " (v1 is switched off at HubSpot on " + ApiVersions.v1Sunset() + ")"
              : "");
    }
    return served
        + "; switched off, their routes answer 404: "
        + String.join(", ", off)
        + " (by "
        + String.join(
            " and ",
            Stream.of(Flag.API_VERSIONS, Flag.DISABLE_V1)
                .map(settings.flags()::origin)
                .filter(origin -> !origin.equals("default"))
                .toList())
        + ")";
  }

  /** Each flag given and where: "--port, SANDBOX_ADMIN_KEY; the rest are defaults". */
  private String originsLine() {
    List<String> given = settings.flags().givenOrigins();
    return given.isEmpty()
        ? "defaults only (--help lists the flags)"
        : String.join(", ", given) + "; the rest are defaults (--help lists the flags)";
  }

  private String authorizeUrl(String url) {
    return url + demoApp.authorizePath();
  }

  private String host() {
    String bind = settings.bind();
    return settings.address().isAnyLocalAddress() ? "127.0.0.1" : bind;
  }
}
