package dev.oauthkit.hubspot.contract.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.oauthkit.hubspot.contract.client.ClientStack;
import dev.oauthkit.hubspot.core.ApiVersion;
import dev.oauthkit.hubspot.core.HubSpotOAuthClient;
import dev.oauthkit.hubspot.core.HubSpotOAuthException;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.TokenProviderOptions;
import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp;
import dev.oauthkit.hubspot.sandbox.testing.SandboxProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both clients end to end against the real sandbox jar, whose access tokens live 2 s: exchange,
 * metadata, automatic refresh after the sandbox expired the token, retries through injected server
 * errors, a rotated-token listener, and revocation.
 */
class ClientsAgainstSandboxIT {

  private static final String REDIRECT = "http://localhost:3000/oauth-callback";
  private static final Duration POLL_LIMIT = Duration.ofSeconds(20);

  @TempDir static Path temp;
  private static SandboxProcess sandbox;
  private static SandboxHttp admin;

  @BeforeAll
  static void start() throws Exception {
    sandbox =
        SandboxProcess.start(
            temp.resolve("data"), temp.resolve("sandbox.log"), "--access-token-ttl=2");
    admin = sandbox.http();
  }

  @AfterAll
  static void stop() throws Exception {
    sandbox.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"retrofit", "feign"})
  void whenTheSandboxExpiresTheTokenThenTheClientRefreshesByItself(String stack) throws Exception {
    SandboxHttp.Answer app = admin.createApp(REDIRECT);
    OAuthCredentials credentials =
        OAuthCredentials.of(app.text("client_id"), app.text("client_secret"));
    List<Duration> waits = new ArrayList<>();
    TokenProviderOptions options = TokenProviderOptions.builder().sleeper(waits::add).build();
    HubSpotOAuthClient client =
        ClientStack.named(stack).create(ApiVersion.V1, baseUrl(), credentials, options);

    client.exchangeAuthorizationCode(
        admin.createCode(app.text("client_id"), REDIRECT).text("code"), REDIRECT);
    String first = client.tokenProvider().accessToken();
    assertThat(client.getAccessTokenMetadata(first)).isNotNull();
    awaitRejected(first);

    admin.adminPost(
        "/sandbox/v1/faults",
        "{\"operation_id\":\"createOrRefreshAccessToken\",\"status\":503,\"count\":2}");
    String second = client.tokenProvider().accessToken();

    assertThat(second).isNotEqualTo(first);
    assertThat(waits).as("two injected 503s were retried").hasSize(2);
    assertThat(client.getAccessTokenMetadata(second)).isNotNull();
    String refreshToken = client.tokenProvider().credentials().refreshToken().orElseThrow();
    assertThat(client.getRefreshTokenMetadata(refreshToken)).isNotNull();

    client.revokeRefreshToken(refreshToken);
    HubSpotOAuthException revoked =
        catchThrowableOfType(
            HubSpotOAuthException.class, () -> client.getAccessTokenMetadata(second));
    assertThat(revoked.httpStatus()).isEqualTo(401);
    assertThat(revoked.category()).contains("UNAUTHORIZED");
    HubSpotOAuthException refresh =
        catchThrowableOfType(HubSpotOAuthException.class, client.tokenProvider()::forceRefresh);
    assertThat(refresh.httpStatus()).isEqualTo(400);
    assertThat(refresh.hubSpotStatus()).contains("BAD_REFRESH_TOKEN");
  }

  private static void awaitRejected(String accessToken) throws InterruptedException {
    long deadline = System.nanoTime() + POLL_LIMIT.toNanos();
    while (admin.get("/oauth/v1/access-tokens/" + accessToken).status() == 200) {
      assertThat(System.nanoTime()).as("the sandbox never expired the token").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private static String baseUrl() {
    return "http://127.0.0.1:" + sandbox.port();
  }
}
