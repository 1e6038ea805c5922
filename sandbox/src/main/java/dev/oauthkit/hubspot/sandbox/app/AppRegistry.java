package dev.oauthkit.hubspot.sandbox.app;

import dev.oauthkit.hubspot.sandbox.secret.Secrets;
import dev.oauthkit.hubspot.sandbox.store.App;
import dev.oauthkit.hubspot.sandbox.store.SandboxStore;
import dev.oauthkit.hubspot.sandbox.web.Errors;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The apps, cached in memory by client id (apps are few and never change), written through to the
 * store. An id not in the cache is looked up in the store once, so an app another sandbox created
 * in a shared database is found too. Authenticates token requests: client secrets are compared as
 * SHA-256 in constant time.
 */
public final class AppRegistry {

  /** The SHA-256 a missing app is compared against, so unknown ids cost the same as known ones. */
  private static final byte[] NO_SECRET = new byte[32];

  private final SandboxStore store;
  private final Map<String, App> byClientId = new ConcurrentHashMap<>();

  private AppRegistry(SandboxStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** A registry holding every app already in the store. */
  public static AppRegistry load(SandboxStore store) {
    AppRegistry registry = new AppRegistry(store);
    for (App app : store.loadApps()) {
      registry.byClientId.put(app.clientId(), app);
    }
    return registry;
  }

  /** Creates and stores an app with a new client id, client secret and app id. */
  public NewApp create(
      String name, List<String> redirectUris, List<String> scopes, List<String> optionalScopes) {
    return create(name, redirectUris, scopes, optionalScopes, false);
  }

  /**
   * As {@link #create(String, List, List, List)}, also saying whether it may use
   * client_credentials.
   */
  public synchronized NewApp create(
      String name,
      List<String> redirectUris,
      List<String> scopes,
      List<String> optionalScopes,
      boolean clientCredentials) {
    String secret = Secrets.uuidShaped();
    App app =
        App.builder()
            .appId(newAppId())
            .clientId(Secrets.uuidShaped())
            .secretSha256(Secrets.sha256(secret))
            .name(name)
            .redirectUris(redirectUris)
            .scopes(scopes)
            .optionalScopes(optionalScopes)
            .clientCredentials(clientCredentials)
            .build();
    store.insertApp(app);
    byClientId.put(app.clientId(), app);
    return new NewApp(app, secret);
  }

  /**
   * The app with this client id: from the cache, else from the store (and then cached). An id
   * holding a NUL names none (ids are generated; PostgreSQL cannot even compare one), without
   * asking the store.
   */
  public Optional<App> find(String clientId) {
    if (clientId == null || clientId.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    App cached = byClientId.get(clientId);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<App> stored = store.findApp(clientId);
    stored.ifPresent(app -> byClientId.putIfAbsent(app.clientId(), app));
    return stored;
  }

  public int size() {
    return byClientId.size();
  }

  /**
   * The app whose credentials these are.
   *
   * @throws dev.oauthkit.hubspot.sandbox.web.ApiError 401 BAD_CLIENT_ID or BAD_CLIENT_SECRET
   */
  public App authenticate(String clientId, String clientSecret) {
    App app = find(clientId).orElse(null);
    boolean secretOk = Secrets.matches(clientSecret, app == null ? NO_SECRET : app.secretSha256());
    if (app == null) {
      throw Errors.badClientId();
    }
    if (!secretOk) {
      throw Errors.badClientSecret();
    }
    return app;
  }

  private long newAppId() {
    while (true) {
      long id = Secrets.randomInt(1_000_000, 10_000_000);
      boolean taken = byClientId.values().stream().anyMatch(app -> app.appId() == id);
      if (!taken) {
        return id;
      }
    }
  }

  /**
   * A just-created app with its client secret, which is never stored or shown again. {@link
   * #toString()} hides the secret.
   *
   * @param app the app
   * @param clientSecret its secret
   */
  public record NewApp(App app, String clientSecret) {
    @Override
    public String toString() {
      return "NewApp[" + app + "]";
    }
  }
}
