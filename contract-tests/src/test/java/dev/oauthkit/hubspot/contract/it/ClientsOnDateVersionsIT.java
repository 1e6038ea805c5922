package dev.oauthkit.hubspot.contract.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.oauthkit.hubspot.contract.client.ClientStack;
import dev.oauthkit.hubspot.core.ActiveAccessToken;
import dev.oauthkit.hubspot.core.ApiVersion;
import dev.oauthkit.hubspot.core.AuthorizationUrl;
import dev.oauthkit.hubspot.core.HubSpotOAuthClient;
import dev.oauthkit.hubspot.core.HubSpotOAuthException;
import dev.oauthkit.hubspot.core.InactiveToken;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.UserTokens;
import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp;
import dev.oauthkit.hubspot.sandbox.testing.SandboxProcess;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both clients on every date version the kit knows ({@link ApiVersion#all()}), against the real
 * sandbox jar (one process for every version): the whole user flow (consent page, a code bound to a
 * PKCE challenge, token, introspect, refresh, revoke, introspect inactive) and the
 * client-credentials grant. The clients talk to the sandbox through a recording WireMock proxy, so
 * each test proves which paths its client called: only {@code /oauth/<version>/...}. The client of
 * the newest version is built without {@code .apiVersion(...)}, which proves the default. A sandbox
 * started with {@code --disable-v1} refuses a v1 client with 404 {@code V1_SUNSET} while every
 * date-version client works.
 */
class ClientsOnDateVersionsIT {

  private static final String REDIRECT = "http://localhost:3000/oauth-callback";
  private static final String JOURNAL = "developer.webhooks_journal.read";

  @TempDir static Path temp;
  private static SandboxProcess sandbox;
  private static SandboxHttp http;
  private static WireMockServer proxy;

  @BeforeAll
  static void start() throws Exception {
    sandbox = SandboxProcess.start(temp.resolve("data"), temp.resolve("sandbox.log"));
    http = sandbox.http();
    proxy = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    proxy.start();
    proxy.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(base(sandbox.port()))));
  }

  @AfterAll
  static void stop() throws Exception {
    proxy.stop();
    sandbox.close();
  }

  /** Every stack on every date version, newest included. */
  static Stream<Arguments> stacksOnDateVersions() {
    return ClientStack.all().stream()
        .flatMap(
            stack ->
                ApiVersion.all().stream()
                    .filter(ApiVersion::isDated)
                    .map(version -> Arguments.of(stack, version)));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("stacksOnDateVersions")
  void whenAUserApprovesWithPkceThenTheWholeFlowRunsOnTheVersion(
      ClientStack stack, ApiVersion version) {
    SandboxHttp.Answer app = http.createApp(REDIRECT);
    String clientId = app.text("client_id");
    HubSpotOAuthClient client =
        client(
            stack,
            version,
            proxy.baseUrl(),
            OAuthCredentials.of(clientId, app.text("client_secret")));
    AuthorizationUrl link =
        AuthorizationUrl.builder()
            .baseUrl(base(sandbox.port()))
            .clientId(clientId)
            .scopes("oauth", "crm.objects.contacts.read")
            .redirectUri(REDIRECT)
            .state("st-" + stack + "-" + version)
            .pkce(true)
            .build();
    proxy.resetRequests();

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
    assertThat(pathsCalled())
        .containsOnly(
            path(version, "token"),
            path(version, "token/introspect"),
            path(version, "token/revoke"));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("stacksOnDateVersions")
  void whenAnAppUsesClientCredentialsThenTheProviderGetsAnActiveTokenWithoutRefreshToken(
      ClientStack stack, ApiVersion version) {
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
            version,
            proxy.baseUrl(),
            OAuthCredentials.of(app.text("client_id"), app.text("client_secret")));
    proxy.resetRequests();

    String token = client.clientCredentialsTokenProvider(List.of(JOURNAL)).accessToken();

    ActiveAccessToken active = (ActiveAccessToken) client.introspect(token);
    assertThat(active.scopes()).containsExactly(JOURNAL);
    assertThat(active.clientId()).isEqualTo(app.text("client_id"));
    assertThat(pathsCalled())
        .containsOnly(path(version, "token"), path(version, "token/introspect"));
  }

  @Test
  void whenV1IsSwitchedOffThenTheV1ClientFailsClearlyAndEveryDateVersionClientWorks()
      throws Exception {
    try (SandboxProcess sunset =
        SandboxProcess.start(
            temp.resolve("sunset-data"), temp.resolve("sunset.log"), "--disable-v1")) {
      SandboxHttp admin = sunset.http();
      SandboxHttp.Answer app = admin.createApp(REDIRECT);
      String clientId = app.text("client_id");
      OAuthCredentials credentials = OAuthCredentials.of(clientId, app.text("client_secret"));
      String newestToken = "/oauth/" + ApiVersion.newest().pathSegment() + "/token";

      for (ClientStack stack : ClientStack.all()) {
        HubSpotOAuthClient v1 = stack.create(ApiVersion.V1, base(sunset.port()), credentials);
        HubSpotOAuthException failure =
            catchThrowableOfType(
                HubSpotOAuthException.class,
                () ->
                    v1.exchangeAuthorizationCode(
                        admin.createCode(clientId, REDIRECT).text("code"), REDIRECT));

        assertThat(failure).as("the v1 %s client's call fails", stack).isNotNull();
        assertThat(failure.httpStatus()).isEqualTo(404);
        assertThat(failure.subCategory()).contains("V1_SUNSET");
        assertThat(failure.serverMessage().orElseThrow()).contains(newestToken);
        for (ApiVersion version : ApiVersion.all()) {
          if (version.isDated()) {
            HubSpotOAuthClient dated = client(stack, version, base(sunset.port()), credentials);
            UserTokens tokens =
                dated.exchangeAuthorizationCode(
                    admin.createCode(clientId, REDIRECT).text("code"), REDIRECT);
            assertThat(dated.introspect(tokens.accessToken()))
                .as("%s on %s", stack, version)
                .isInstanceOf(ActiveAccessToken.class);
          }
        }
      }
    }
  }

  /**
   * A client of {@code stack} on {@code version}; on the newest version built without {@code
   * .apiVersion(...)}, so that the paths it calls prove the builder's default.
   */
  private static HubSpotOAuthClient client(
      ClientStack stack, ApiVersion version, String baseUrl, OAuthCredentials credentials) {
    return version.equals(ApiVersion.newest())
        ? stack.createOnDefaultVersion(baseUrl, credentials)
        : stack.create(version, baseUrl, credentials);
  }

  /** The distinct paths the proxy forwarded since its last reset. */
  private static List<String> pathsCalled() {
    return proxy.getAllServeEvents().stream()
        .map(event -> URI.create(event.getRequest().getUrl()).getPath())
        .distinct()
        .toList();
  }

  private static String path(ApiVersion version, String call) {
    return "/oauth/" + version.pathSegment() + "/" + call;
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

  private static String base(int port) {
    return "http://127.0.0.1:" + port;
  }
}
