package dev.oauthkit.hubspot.sandbox.testing;

import dev.oauthkit.hubspot.sandbox.secret.Secrets;
import dev.oauthkit.hubspot.sandbox.store.App;
import java.util.ArrayList;
import java.util.List;

/** Builds apps for tests: {@code TestApps.app().redirectUri("...").build()}. */
public final class TestApps {

  public static final String SECRET = "test-client-secret";
  public static final String REDIRECT_URI = "https://app.example.com/callback";

  private long appId = 4242;
  private String clientId = "client-a";
  private String secret = SECRET;
  private final List<String> redirectUris = new ArrayList<>();
  private List<String> scopes = List.of("oauth", "crm.objects.contacts.read");
  private List<String> optionalScopes = List.of("automation");
  private boolean clientCredentials;

  private TestApps() {}

  public static TestApps app() {
    return new TestApps();
  }

  public TestApps appId(long value) {
    this.appId = value;
    return this;
  }

  public TestApps clientId(String value) {
    this.clientId = value;
    return this;
  }

  public TestApps secret(String value) {
    this.secret = value;
    return this;
  }

  public TestApps redirectUri(String value) {
    this.redirectUris.add(value);
    return this;
  }

  public TestApps scopes(String... values) {
    this.scopes = List.of(values);
    return this;
  }

  public TestApps optionalScopes(String... values) {
    this.optionalScopes = List.of(values);
    return this;
  }

  public TestApps clientCredentials(boolean value) {
    this.clientCredentials = value;
    return this;
  }

  public App build() {
    return App.builder()
        .appId(appId)
        .clientId(clientId)
        .secretSha256(Secrets.sha256(secret))
        .name("Test app " + clientId)
        .redirectUris(redirectUris.isEmpty() ? List.of(REDIRECT_URI) : redirectUris)
        .scopes(scopes)
        .optionalScopes(optionalScopes)
        .clientCredentials(clientCredentials)
        .build();
  }
}
