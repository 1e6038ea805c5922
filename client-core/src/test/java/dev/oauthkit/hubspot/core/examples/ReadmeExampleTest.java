package dev.oauthkit.hubspot.core.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.core.AuthorizationUrl;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.RetryPolicy;
import dev.oauthkit.hubspot.core.TokenProviderOptions;
import dev.oauthkit.hubspot.core.testing.ReadmeBlocks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Runs the README's example, and checks the README shows exactly this code. */
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
    ReadmeBlocks.assertShowsSnippetsOf(Path.of("README.md"), ReadmeExampleTest.class, 1);
  }
}
