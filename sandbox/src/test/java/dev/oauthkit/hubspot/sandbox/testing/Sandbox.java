package dev.oauthkit.hubspot.sandbox.testing;

import dev.oauthkit.hubspot.sandbox.app.AppRegistry;
import dev.oauthkit.hubspot.sandbox.authorize.CodeIssuer;
import dev.oauthkit.hubspot.sandbox.authorize.CodeRequest;
import dev.oauthkit.hubspot.sandbox.grant.AuthorizationCodeGrant;
import dev.oauthkit.hubspot.sandbox.grant.IssuedTokens;
import dev.oauthkit.hubspot.sandbox.grant.RefreshTokenGrant;
import dev.oauthkit.hubspot.sandbox.grant.TokenMint;
import dev.oauthkit.hubspot.sandbox.grant.TokenRequest;
import dev.oauthkit.hubspot.sandbox.secret.AccessTokenSeal;
import dev.oauthkit.hubspot.sandbox.store.App;
import dev.oauthkit.hubspot.sandbox.store.MemoryStore;
import dev.oauthkit.hubspot.sandbox.store.SandboxStore;
import dev.oauthkit.hubspot.sandbox.token.AccessTokens;
import dev.oauthkit.hubspot.sandbox.token.TokenMetadataService;
import dev.oauthkit.hubspot.sandbox.token.TokenService;
import java.time.Duration;
import java.util.List;

/**
 * The sandbox's services wired in memory around a {@link MutableClock}, for unit tests: {@code
 * Sandbox.inMemory().rotate(true).build()}.
 */
public final class Sandbox {

  public final MutableClock clock = MutableClock.start();
  public final SandboxStore store;
  public final AppRegistry apps;
  public final TokenMint mint;
  public final AuthorizationCodeGrant codeGrant;
  public final RefreshTokenGrant refreshGrant;
  public final TokenService tokens;
  public final TokenMetadataService metadata;
  public final CodeIssuer codes;

  private Sandbox(
      SandboxStore store, boolean rotate, boolean seal, Duration accessTtl, List<App> seed) {
    this.store = store;
    seed.forEach(store::insertApp);
    this.apps = AppRegistry.load(store);
    TokenMint plain = TokenMint.of(clock, accessTtl);
    this.mint = seal ? plain.sealing(AccessTokenSeal.of(AccessTokenSeal.newKey())) : plain;
    this.codeGrant = AuthorizationCodeGrant.of(store, mint);
    this.refreshGrant = RefreshTokenGrant.of(store, mint, rotate);
    this.tokens = TokenService.of(apps, List.of(codeGrant, refreshGrant));
    this.metadata =
        TokenMetadataService.of(store, AccessTokens.of(store, mint.seal()), apps, clock);
    this.codes = CodeIssuer.of(apps, store, clock);
  }

  public static Builder inMemory() {
    return new Builder(MemoryStore.create());
  }

  public static Builder on(SandboxStore store) {
    return new Builder(store);
  }

  /** A code for the app and its first redirect URI, via the same issuer as the admin API. */
  public String code(App app) {
    return codes.issue(CodeRequest.of(app.clientId(), app.redirectUris().get(0))).code();
  }

  /** Exchanges a fresh code for tokens. */
  public IssuedTokens login(App app) {
    return tokens.exchange(exchange(app, code(app), app.redirectUris().get(0)));
  }

  public static TokenRequest exchange(App app, String code, String redirectUri) {
    return new TokenRequest(
        "authorization_code", app.clientId(), TestApps.SECRET, redirectUri, code, null);
  }

  public static TokenRequest refresh(App app, String refreshToken) {
    return new TokenRequest(
        "refresh_token", app.clientId(), TestApps.SECRET, null, null, refreshToken);
  }

  /** Builds a {@link Sandbox}. */
  public static final class Builder {
    private final SandboxStore store;
    private boolean rotate;
    private boolean seal;
    private Duration accessTtl = Duration.ofSeconds(1800);
    private List<App> apps = List.of(TestApps.app().build());

    private Builder(SandboxStore store) {
      this.store = store;
    }

    public Builder rotate(boolean value) {
      this.rotate = value;
      return this;
    }

    /** Refresh grants issue sealed access tokens (as the sandbox does on SQLite and memory). */
    public Builder seal(boolean value) {
      this.seal = value;
      return this;
    }

    public Builder accessTtl(Duration value) {
      this.accessTtl = value;
      return this;
    }

    public Builder apps(App... values) {
      this.apps = List.of(values);
      return this;
    }

    public Sandbox build() {
      return new Sandbox(store, rotate, seal, accessTtl, apps);
    }
  }
}
