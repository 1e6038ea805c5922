package dev.oauthkit.hubspot.sandbox.config;

import dev.oauthkit.hubspot.sandbox.admin.AdminKey;
import dev.oauthkit.hubspot.sandbox.app.AppRegistry;
import dev.oauthkit.hubspot.sandbox.authorize.CodeIssuer;
import dev.oauthkit.hubspot.sandbox.authorize.HubAccounts;
import dev.oauthkit.hubspot.sandbox.clock.SandboxClock;
import dev.oauthkit.hubspot.sandbox.grant.AuthorizationCodeGrant;
import dev.oauthkit.hubspot.sandbox.grant.RefreshTokenGrant;
import dev.oauthkit.hubspot.sandbox.grant.TokenMint;
import dev.oauthkit.hubspot.sandbox.store.Purger;
import dev.oauthkit.hubspot.sandbox.store.SandboxStore;
import dev.oauthkit.hubspot.sandbox.token.AccessTokens;
import dev.oauthkit.hubspot.sandbox.token.TokenMetadataService;
import dev.oauthkit.hubspot.sandbox.token.TokenService;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the sandbox's services by hand: no component scanning of services, no proxies. */
@Configuration(proxyBeanMethods = false)
public class SandboxConfiguration {

  /** The name of the database file in the data directory. */
  public static final String DATABASE_FILE = "sandbox.db";

  @Bean
  SandboxSettings sandboxSettings(ApplicationArguments arguments) {
    return SandboxSettings.from(Flags.parse(List.of(arguments.getSourceArgs()), System.getenv()));
  }

  @Bean
  SandboxClock clock() {
    return SandboxClock.system();
  }

  @Bean
  DataDir dataDir(SandboxSettings settings) {
    return DataDir.open(settings.dataDir());
  }

  @Bean(destroyMethod = "close")
  SandboxStore sandboxStore(SandboxSettings settings, DataDir dataDir) {
    return settings.store().open(settings, dataDir);
  }

  /**
   * Deletes expired codes and tokens every {@code --purge-interval}, by real time (an advanced
   * clock must not delete rows another sandbox on the database still serves); stopped before the
   * store.
   */
  @Bean(destroyMethod = "close")
  Purger purger(SandboxStore store, SandboxClock clock, SandboxSettings settings) {
    return Purger.start(store, clock.base(), settings.purgeInterval());
  }

  @Bean
  AppRegistry appRegistry(SandboxStore store) {
    return AppRegistry.load(store);
  }

  @Bean
  TokenMint tokenMint(Clock clock, SandboxSettings settings, DataDir dataDir, SandboxStore store) {
    TokenMint mint = TokenMint.of(clock, settings.accessTokenTtl());
    return TokenKeys.resolve(settings, dataDir, store::hasRefreshTokens)
        .map(mint::sealing)
        .orElse(mint);
  }

  @Bean
  AccessTokens accessTokens(SandboxStore store, TokenMint mint) {
    return AccessTokens.of(store, mint.seal());
  }

  @Bean
  TokenService tokenService(
      AppRegistry apps, SandboxStore store, TokenMint mint, SandboxSettings settings) {
    return TokenService.of(
        apps,
        List.of(
            AuthorizationCodeGrant.of(store, mint),
            RefreshTokenGrant.of(store, mint, settings.rotateRefreshTokens())));
  }

  @Bean
  TokenMetadataService tokenMetadataService(
      SandboxStore store, AccessTokens accessTokens, AppRegistry apps, Clock clock) {
    return TokenMetadataService.of(store, accessTokens, apps, clock);
  }

  @Bean
  CodeIssuer codeIssuer(AppRegistry apps, SandboxStore store, Clock clock) {
    return CodeIssuer.of(apps, store, clock);
  }

  @Bean
  HubAccounts hubAccounts() {
    return HubAccounts.demo();
  }

  @Bean
  AdminKey adminKey(SandboxSettings settings, DataDir dataDir) {
    return AdminKeys.resolve(settings, dataDir);
  }

  @Bean
  DemoApp demoApp(AppRegistry apps, DataDir dataDir) {
    return DemoApp.ensure(apps, dataDir);
  }
}
