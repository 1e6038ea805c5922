package dev.oauthkit.hubspot.sandbox.config;

import dev.oauthkit.hubspot.sandbox.app.AppRegistry;
import dev.oauthkit.hubspot.sandbox.store.App;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The demo app, created at first start so a new user has something to authorize. Its client id and
 * secret are written to {@value #FILE} in the data directory, readable by the owner only.
 *
 * @param app the demo app
 * @param file the owner-only file with its credentials
 */
public record DemoApp(App app, Path file) {

  static final String FILE = "demo-app.properties";
  static final String REDIRECT_URI = "http://localhost:3000/oauth-callback";
  static final List<String> SCOPES = List.of("oauth", "crm.objects.contacts.read");
  static final List<String> OPTIONAL_SCOPES = List.of("automation");

  /** The demo app named in the data directory's file, created (and the file written) if missing. */
  static DemoApp ensure(AppRegistry apps, DataDir dataDir) {
    Path file = dataDir.resolve(FILE);
    String clientId = dataDir.read(FILE).map(DemoApp::clientIdOf).orElse(null);
    if (clientId != null && apps.find(clientId).isPresent()) {
      return new DemoApp(apps.find(clientId).get(), file);
    }
    AppRegistry.NewApp created =
        apps.create("Sandbox demo app", List.of(REDIRECT_URI), SCOPES, OPTIONAL_SCOPES);
    String content =
        "# The sandbox's demo app. Keep this file private.\n"
            + "app_id="
            + created.app().appId()
            + "\nclient_id="
            + created.app().clientId()
            + "\nclient_secret="
            + created.clientSecret()
            + "\nredirect_uri="
            + REDIRECT_URI
            + "\nscopes="
            + String.join(" ", SCOPES)
            + "\noptional_scopes="
            + String.join(" ", OPTIONAL_SCOPES)
            + "\n";
    dataDir.writeOwnerOnly(FILE, content);
    return new DemoApp(created.app(), file);
  }

  private static String clientIdOf(String content) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(content));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("client_id");
  }

  /** The demo app's authorize link, as a path with its query (state {@code demo}). */
  public String authorizePath() {
    return "/oauth/authorize?client_id="
        + encode(app.clientId())
        + "&scope="
        + encode(String.join(" ", app.scopes()))
        + "&optional_scope="
        + encode(String.join(" ", app.optionalScopes()))
        + "&redirect_uri="
        + encode(app.redirectUris().get(0))
        + "&state=demo";
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }
}
