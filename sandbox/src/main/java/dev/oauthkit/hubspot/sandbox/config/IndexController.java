package dev.oauthkit.hubspot.sandbox.config;

import dev.oauthkit.hubspot.sandbox.api.ApiVersions;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /}: a small page for a person who opens the sandbox's URL in a browser: what this is,
 * the demo app's authorize link, and where the API and the docs are.
 */
@RestController
public final class IndexController {

  private final DemoApp demoApp;
  private final SandboxSettings settings;

  public IndexController(DemoApp demoApp, SandboxSettings settings) {
    this.demoApp = demoApp;
    this.settings = settings;
  }

  /** The index page. */
  @GetMapping("/")
  public ResponseEntity<String> index() {
    String link = demoApp.authorizePath().replace("&", "&amp;");
    String body =
        "<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">"
            + "<title>HubSpot OAuth sandbox</title></head>\n<body>\n"
            + "<h1>HubSpot OAuth sandbox</h1>\n"
            + "<p>A local emulator of HubSpot's OAuth API for tests and development.</p>\n"
            + "<ul>\n<li><a id=\"authorize\" href=\""
            + link
            + "\">Authorize the demo app</a> (client_id <code>"
            + demoApp.app().clientId()
            + "</code>; its secret is in the data directory's <code>"
            + DemoApp.FILE
            + "</code>)</li>\n"
            + versions()
            + "<li>Admin API (<code>Authorization: Bearer</code> admin key): <code>/sandbox/v1/apps"
            + "</code>, <code>/sandbox/v1/authorization-codes</code>, <code>/sandbox/v1/faults"
            + "</code>, <code>/sandbox/v1/clock</code>, <code>/sandbox/v1/tokens/expire</code>,"
            + " <code>/sandbox/v1/reset</code>; <code>GET /sandbox/v1/health</code> needs no key"
            + "</li>\n"
            + "<li>Docs: <code>sandbox/README.md</code> in the kit, and the OpenAPI documents in"
            + " the <code>hubspot-oauth-spec</code> jar</li>\n</ul>\n</body>\n</html>\n";
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore())
        .header("Content-Security-Policy", "default-src 'none'")
        .header("X-Content-Type-Options", "nosniff")
        .body(body);
  }

  /** One line per API version served: a date version's three calls, or v1's. */
  private String versions() {
    StringBuilder lines = new StringBuilder();
    for (String version : settings.apiVersions()) {
      if (version.equals(ServedVersions.V1)) {
        lines.append(
            "<li>API v1 (switched off at HubSpot on "
                + ApiVersions.v1Sunset()
                + "): <code>POST /oauth/v1/token"
                + "</code>, <code>GET /oauth/v1/access-tokens/{token}</code>, <code>GET|DELETE"
                + " /oauth/v1/refresh-tokens/{token}</code></li>\n");
      } else {
        String root = "/oauth/" + version + "/token";
        lines.append(
            "<li>API "
                + version
                + ": <code>POST "
                + root
                + "</code>, <code>POST "
                + root
                + "/introspect</code>, <code>POST "
                + root
                + "/revoke</code></li>\n");
      }
    }
    return lines.toString();
  }
}
