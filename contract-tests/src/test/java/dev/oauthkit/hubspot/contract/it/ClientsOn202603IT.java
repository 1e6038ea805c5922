package dev.oauthkit.hubspot.contract.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.oauthkit.hubspot.core.ActiveAccessToken;
import dev.oauthkit.hubspot.core.ApiVersion;
import dev.oauthkit.hubspot.core.AuthorizationUrl;
import dev.oauthkit.hubspot.core.HubSpotOAuthClient;
import dev.oauthkit.hubspot.core.HubSpotOAuthException;
import dev.oauthkit.hubspot.core.InactiveToken;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.UserTokens;
import dev.oauthkit.hubspot.feign.client.HubSpotOAuthFeignClient;
import dev.oauthkit.hubspot.retrofit.client.HubSpotOAuthRetrofitClient;
import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp;
import dev.oauthkit.hubspot.sandbox.testing.SandboxProcess;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both clients on the 2026-03 API against the real sandbox jar: the whole user flow (consent page,
 * a code bound to a PKCE challenge, token, introspect, refresh, revoke, introspect inactive), the
 * client-credentials grant, and a sandbox started with {@code --disable-v1} on which a v1 client
 * fails clearly while a 2026-03 client works.
 */
class ClientsOn202603IT {

  private static final String REDIRECT = "http://localhost:3000/oauth-callback";
  private static final String JOURNAL = "developer.webhooks_journal.read";

  @TempDir static Path temp;
  private static SandboxProcess sandbox;
  private static SandboxHttp http;

  @BeforeAll
  static void start() throws Exception {
    sandbox = SandboxProcess.start(temp.resolve("data"), temp.resolve("sandbox.log"));
    http = sandbox.http();
  }

  @AfterAll
  static void stop() throws Exception {
    sandbox.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"retrofit", "feign"})
  void whenAUserApprovesWithPkceThenTheWholeFlowRunsOn202603(String stack) {
    SandboxHttp.Answer app = http.createApp(REDIRECT);
    String clientId = app.text("client_id");
    HubSpotOAuthClient client =
        client(stack, sandbox.port(), OAuthCredentials.of(clientId, app.text("client_secret")));
    AuthorizationUrl link =
        AuthorizationUrl.builder()
            .baseUrl(base(sandbox.port()))
            .clientId(clientId)
            .scopes("oauth", "crm.objects.contacts.read")
            .redirectUri(REDIRECT)
            .state("st-" + stack)
            .pkce(true)
            .build();

    String code = approve(link);
    UserTokens tokens =
        client.exchangeAuthorizationCode(code, REDIRECT, link.codeVerifier().orElseThrow());
    ActiveAccessToken active = (ActiveAccessToken) client.introspect(tokens.accessToken());
    UserTokens refreshed = client.refreshAccessToken(tokens.refreshToken());
    client.revokeRefreshToken(tokens.refreshToken());

    assertThat(active.clientId()).isEqualTo(clientId);
    assertThat(active.hubId()).isEqualTo(62515);
    assertThat(active.scopes()).containsExactly("oauth", "crm.objects.contacts.read");
    assertThat(refreshed.accessToken()).isNotEqualTo(tokens.accessToken());
    assertThat(client.introspect(refreshed.accessToken())).isInstanceOf(InactiveToken.class);
    assertThat(client.introspect(tokens.refreshToken())).isInstanceOf(InactiveToken.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"retrofit", "feign"})
  void whenAnAppUsesClientCredentialsThenTheProviderGetsAnActiveTokenWithoutRefreshToken(
      String stack) {
    SandboxHttp.Answer app =
        http.adminPost(
            "/sandbox/v1/apps",
            "{\"name\":\"journal\",\"redirect_uris\":[\""
                + REDIRECT
                + "\"],\"scopes\":[\""
                + JOURNAL
                + "\"],\"client_credentials\":true}");
    HubSpotOAuthClient client =
        client(
            stack,
            sandbox.port(),
            OAuthCredentials.of(app.text("client_id"), app.text("client_secret")));

    String token = client.clientCredentialsTokenProvider(List.of(JOURNAL)).accessToken();

    ActiveAccessToken active = (ActiveAccessToken) client.introspect(token);
    assertThat(active.scopes()).containsExactly(JOURNAL);
    assertThat(active.clientId()).isEqualTo(app.text("client_id"));
  }

  @Test
  void whenV1IsSwitchedOffThenTheV1ClientFailsClearlyAndThe202603ClientWorks() throws Exception {
    try (SandboxProcess sunset =
        SandboxProcess.start(
            temp.resolve("sunset-data"), temp.resolve("sunset.log"), "--disable-v1")) {
      SandboxHttp admin = sunset.http();
      SandboxHttp.Answer app = admin.createApp(REDIRECT);
      OAuthCredentials credentials =
          OAuthCredentials.of(app.text("client_id"), app.text("client_secret"));
      HubSpotOAuthClient v1 =
          HubSpotOAuthRetrofitClient.builder()
              .apiVersion(ApiVersion.V1)
              .baseUrl(base(sunset.port()))
              .credentials(credentials)
              .build();
      HubSpotOAuthClient current = client("retrofit", sunset.port(), credentials);

      HubSpotOAuthException failure =
          catchThrowableOfType(
              HubSpotOAuthException.class,
              () ->
                  v1.exchangeAuthorizationCode(
                      admin.createCode(app.text("client_id"), REDIRECT).text("code"), REDIRECT));
      UserTokens tokens =
          current.exchangeAuthorizationCode(
              admin.createCode(app.text("client_id"), REDIRECT).text("code"), REDIRECT);

      assertThat(failure).as("the v1 client's call fails").isNotNull();
      assertThat(failure.httpStatus()).isEqualTo(404);
      assertThat(failure.subCategory()).contains("V1_SUNSET");
      assertThat(failure.serverMessage().orElseThrow()).contains("/oauth/2026-03/token");
      assertThat(current.introspect(tokens.accessToken())).isInstanceOf(ActiveAccessToken.class);
    }
  }

  /** Opens the consent page of the link, approves it as the page would, returns the code. */
  private static String approve(AuthorizationUrl link) {
    URI uri = link.uri();
    SandboxHttp.Answer page = http.get(uri.getRawPath() + "?" + uri.getRawQuery());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("name=\"code_challenge\"");
    SandboxHttp.Answer approved =
        http.send(
            HttpRequest.newBuilder(http.uri("/oauth/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        uri.getRawQuery()
                            + "&decision=approve&csrf_token="
                            + SandboxHttp.csrfToken(page))));
    assertThat(approved.status()).isEqualTo(302);
    String location = approved.header("Location");
    int start = location.indexOf("code=") + 5;
    int end = location.indexOf('&', start);
    return location.substring(start, end < 0 ? location.length() : end);
  }

  private static HubSpotOAuthClient client(String stack, int port, OAuthCredentials credentials) {
    return stack.equals("retrofit")
        ? HubSpotOAuthRetrofitClient.builder().baseUrl(base(port)).credentials(credentials).build()
        : HubSpotOAuthFeignClient.builder().baseUrl(base(port)).credentials(credentials).build();
  }

  private static String base(int port) {
    return "http://127.0.0.1:" + port;
  }
}
