package dev.oauthkit.hubspot.core.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.AuthorizationUrl;
import dev.oauthkit.hubspot.core.HubSpotOAuthClient;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.RetryPolicy;
import dev.oauthkit.hubspot.core.TokenProviderOptions;
import dev.oauthkit.hubspot.core.TokenSet;
import dev.oauthkit.hubspot.core.TokenState;
import dev.oauthkit.hubspot.core.TokenStore;
import dev.oauthkit.hubspot.core.UserTokens;
import dev.oauthkit.hubspot.core.testing.ReadmeBlocks;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Runs the README's examples, and checks the README shows exactly this code. */
class ReadmeExampleTest {

  static TokenProviderOptions example(
      Function<String, String> environment, Map<String, String> session) {
    // README:begin
    OAuthCredentials credentials = OAuthCredentials.fromEnvironment(environment);

    // Step 1, in the browser: send the user to HubSpot; keep the state to check on the redirect.
    AuthorizationUrl authorization =
        AuthorizationUrl.builder()
            .clientId(credentials.clientId())
            .scopes("oauth", "crm.objects.contacts.read")
            .optionalScopes("automation")
            .redirectUri("https://www.example.com/auth-callback")
            .build();
    session.put("oauth-state", authorization.state());
    System.out.println("Send the user to " + authorization.uri());

    // Step 2: how a stack client (Retrofit, Feign) keeps the access token fresh.
    TokenProviderOptions options =
        TokenProviderOptions.builder()
            .refreshMargin(Duration.ofMinutes(2))
            .retryPolicy(RetryPolicy.builder().maxAttempts(5).build())
            .refreshTokenListener(c -> session.put("refresh-token", c.refreshToken().orElseThrow()))
            .build();
    // README:end
    session.put("url", authorization.uri().toString());
    return options;
  }

  static UserTokens pkceExample(
      OAuthCredentials credentials, Map<String, String> session, HubSpotOAuthClient hubspot) {
    // README:begin
    // Browser step with PKCE (off by default; see "PKCE" below): keep the verifier server side.
    AuthorizationUrl authorization =
        AuthorizationUrl.builder()
            .clientId(credentials.clientId())
            .scopes("oauth", "crm.objects.contacts.read")
            .redirectUri("https://www.example.com/auth-callback")
            .pkce(true)
            .build();
    session.put("oauth-state", authorization.state());
    session.put("pkce-verifier", authorization.codeVerifier().orElseThrow());

    // On the redirect, with either stack's client (2026-03): the exchange sends code_verifier.
    UserTokens tokens =
        hubspot.exchangeAuthorizationCode(
            session.get("code"),
            "https://www.example.com/auth-callback",
            session.get("pkce-verifier"));
    // README:end
    session.put("url", authorization.uri().toString());
    return tokens;
  }

  /** The app's own shared database, as the README's "Several instances" example uses it. */
  interface Database {
    Optional<TokenState> load(String id);

    boolean updateIfVersion(String id, long version, TokenState next);
  }

  static TokenProviderOptions severalInstancesExample(Database database) {
    // README:begin
    // Every instance of the app builds its client with a store over the same row.
    TokenStore shared =
        new TokenStore() {
          @Override
          public TokenState read() {
            return database.load("hubspot-tokens").orElse(TokenState.empty());
          }

          @Override
          public boolean compareAndSet(TokenState expected, TokenState next) {
            // UPDATE hubspot_tokens SET <next's fields>, version = next.version()
            // WHERE id = 'hubspot-tokens' AND version = expected.version()
            return database.updateIfVersion("hubspot-tokens", expected.version(), next);
          }
        };
    TokenProviderOptions options = TokenProviderOptions.builder().tokenStore(shared).build();
    // README:end
    return options;
  }

  @Test
  void whenTwoInstancesUseTheSeveralInstancesExampleThenOneRefreshServesBoth() {
    Map<String, TokenState> rows = new HashMap<>();
    Database database =
        new Database() {
          @Override
          public synchronized Optional<TokenState> load(String id) {
            return Optional.ofNullable(rows.get(id));
          }

          @Override
          public synchronized boolean updateIfVersion(String id, long version, TokenState next) {
            long stored = rows.containsKey(id) ? rows.get(id).version() : 0;
            if (stored != version) {
              return false;
            }
            rows.put(id, next);
            return true;
          }
        };
    AtomicInteger refreshes = new AtomicInteger();
    OAuthCredentials credentials = OAuthCredentials.of("my-client", "my-secret", "refresh-0");
    AccessTokenProvider first =
        AccessTokenProvider.create(
            credentials,
            c -> TokenSet.of("access-" + refreshes.incrementAndGet(), Duration.ofMinutes(30), "r"),
            severalInstancesExample(database));
    AccessTokenProvider second =
        AccessTokenProvider.create(
            credentials,
            c -> {
              throw new AssertionError("the second instance must not refresh");
            },
            severalInstancesExample(database));

    assertThat(List.of(first.accessToken(), second.accessToken()))
        .containsExactly("access-1", "access-1");
    assertThat(refreshes).hasValue(1);
    assertThat(rows.get("hubspot-tokens").refreshToken()).contains("r");
  }

  @Test
  void whenThePkceExampleRunsThenTheUrlHasTheChallengeAndTheExchangeGetsTheVerifier() {
    Map<String, String> session = new HashMap<>(Map.of("code", "the-code"));
    List<Object> exchanged = new ArrayList<>();
    UserTokens answer =
        new UserTokens(
            "a",
            Duration.ofMinutes(30),
            "r",
            "bearer",
            List.of(),
            Optional.empty(),
            Optional.empty());
    HubSpotOAuthClient hubspot =
        (HubSpotOAuthClient)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {HubSpotOAuthClient.class},
                (proxy, method, args) -> {
                  assertThat(method.getName()).isEqualTo("exchangeAuthorizationCode");
                  exchanged.addAll(List.of(args));
                  return answer;
                });

    UserTokens tokens =
        pkceExample(OAuthCredentials.of("my-client", "my-secret"), session, hubspot);

    assertThat(tokens).isSameAs(answer);
    assertThat(exchanged)
        .containsExactly(
            "the-code", "https://www.example.com/auth-callback", session.get("pkce-verifier"));
    assertThat(session.get("url"))
        .contains("&code_challenge_method=S256")
        .doesNotContain(session.get("pkce-verifier"));
  }

  @Test
  void whenTheReadmeExampleRunsThenTheUrlAndOptionsAreAsDescribed() {
    Map<String, String> session = new HashMap<>();
    Map<String, String> environment =
        Map.of("HUBSPOT_CLIENT_ID", "my-client", "HUBSPOT_CLIENT_SECRET", "my-secret");

    TokenProviderOptions options = example(environment::get, session);

    assertThat(session.get("url"))
        .isEqualTo(
            "https://app.hubspot.com/oauth/authorize?client_id=my-client"
                + "&scope=oauth%20crm.objects.contacts.read&optional_scope=automation"
                + "&redirect_uri=https%3A%2F%2Fwww.example.com%2Fauth-callback&state="
                + session.get("oauth-state"));
    assertThat(options.refreshMargin()).isEqualTo(Duration.ofMinutes(2));
    assertThat(options.retryPolicy().maxAttempts()).isEqualTo(5);
    options
        .refreshTokenListener()
        .onRefreshTokenRotated(OAuthCredentials.of("my-client", "my-secret", "rotated"));
    assertThat(session).containsEntry("refresh-token", "rotated");
  }

  @Test
  void whenTheReadmeIsReadThenItsJavaExampleIsTheCodeThisTestRuns() {
    ReadmeBlocks.assertShowsSnippetsOf(Path.of("README.md"), ReadmeExampleTest.class, 3);
  }
}
