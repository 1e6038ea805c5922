package dev.oauthkit.hubspot.sandbox.authorize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.sandbox.testing.InProcessSandbox;
import dev.oauthkit.hubspot.sandbox.testing.RawHttp;
import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp;
import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp.Answer;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The consent page over HTTP, against the Spring application in this JVM (memory store): what it
 * shows, what approve and deny do, and the HTML error page for bad links. The same page in a real
 * browser is {@code ConsentBrowserIT} in contract-tests.
 */
class ConsentPageTest {

  private static final String REDIRECT = "http://localhost:3000/cb";
  private static final String XSS = "\"><script>alert(1)</script>";

  @TempDir static Path temp;
  private static InProcessSandbox sandbox;
  private static SandboxHttp http;
  private static String clientId;
  private static String secret;

  @BeforeAll
  static void start() {
    sandbox = InProcessSandbox.start(temp);
    http = sandbox.http();
    Answer app =
        http.adminPost(
            "/sandbox/v1/apps",
            "{\"name\":\"Acme <b>CRM</b> & Co\",\"redirect_uris\":[\""
                + REDIRECT
                + "\"],\"scopes\":[\"oauth\",\"crm.objects.contacts.read\"],"
                + "\"optional_scopes\":[\"automation\",\"timeline\"]}");
    assertThat(app.status()).isEqualTo(201);
    clientId = app.text("client_id");
    secret = app.text("client_secret");
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void whenLinkIsValidThenThePageShowsAppScopesOptionalScopesAccountsAndUsers() {
    Answer page = http.get("/oauth/authorize?" + link().query());

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.header("Cache-Control")).contains("no-store");
    assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
    assertThat(page.body())
        .contains("<span id=\"app-name\">Acme &lt;b&gt;CRM&lt;/b&gt; &amp; Co</span>")
        .contains("<li><code>oauth</code></li><li><code>crm.objects.contacts.read</code></li>")
        .contains("<li><code>automation</code></li><li><code>timeline</code></li>")
        .contains("id=\"hub-62515\" value=\"62515\"", "Demo Enterprise")
        .contains("id=\"hub-62516\" value=\"62516\"", "Demo Starter")
        .contains("Has no access to automation: dropped from the grant")
        .contains("<option value=\"123456\">user@example.com", "developer@example.com")
        .contains("<label for=\"user_id\">", "<label for=\"hub-62515\">");
  }

  @Test
  void whenPageIsServedThenItIsSelfContained() {
    String body = http.get("/oauth/authorize?" + link().query()).body();

    assertThat(body).contains("<style>", ":focus-visible", "<html lang=\"en\">");
    assertThat(body).doesNotContain("<script", "<link", "<img", "src=", "url(", "@import");
  }

  @Test
  void whenStateAndScopesHoldMarkupThenThePageEscapesThem() {
    Answer page = http.get("/oauth/authorize?" + link().state(XSS).query());
    Answer error = http.get("/oauth/authorize?" + link().optional("<img/src=x>").query());

    assertThat(page.body())
        .contains("name=\"state\" value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"")
        .doesNotContain("<script>");
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.body()).contains("&lt;img/src=x&gt;").doesNotContain("<img");
  }

  @Test
  void whenClientIsUnknownThenAnHtmlErrorPageAndNoRedirect() {
    Answer page = http.get("/oauth/authorize?" + link().clientId("nobody").query());

    assertHtmlError(page, "client_id does not name an app");
  }

  @Test
  void whenRedirectUriIsNotRegisteredThenAnHtmlErrorPageAndNoRedirectEvenOnApprove() {
    Link link = link().redirectUri("https://evil.example/steal");

    assertHtmlError(http.get("/oauth/authorize?" + link.query()), "redirect_uri is not one");
    assertHtmlError(post(link.decision("approve")), "redirect_uri is not one");
  }

  @Test
  void whenScopeIsMissingOrLacksARequiredScopeThenAnHtmlErrorPage() {
    assertHtmlError(http.get("/oauth/authorize?" + link().scope(null).query()), "scope is missing");
    assertHtmlError(
        http.get("/oauth/authorize?" + link().scope("oauth").query()),
        "scope must include every scope the app requires");
  }

  @Test
  void whenAParameterIsRepeatedThenAnHtmlErrorPage() {
    Answer page =
        http.get("/oauth/authorize?" + link().query() + "&redirect_uri=https%3A%2F%2Fx.example");

    assertHtmlError(page, "redirect_uri is given more than once");
  }

  @Test
  void whenTheLinkIsBadlyEncodedThenAnHtmlErrorPageNotA500() {
    assertHtmlError(http.get("/oauth/authorize?client_id=%FF"), "not correctly encoded");
    assertHtmlError(http.get("/oauth/authorize?state=%C0%AF"), "not correctly encoded");
  }

  @Test
  void whenApprovedOnTheStarterAccountThenItsMissingOptionalScopeIsDroppedAndStateIsExact() {
    String state = "s t/a+t&e=é";
    Answer approved = post(link().state(state).decision("approve").hub(62516).user(123457));

    Map<String, String> redirect = redirectQuery(approved);
    assertThat(redirect.get("state")).isEqualTo(state);
    Answer tokens = http.exchange(clientId, secret, REDIRECT, redirect.get("code"));
    assertThat(tokens.status()).isEqualTo(200);
    Answer metadata = http.get("/oauth/v1/access-tokens/" + tokens.text("access_token"));
    assertThat(scopes(metadata)).containsExactly("oauth", "crm.objects.contacts.read", "timeline");
    assertThat(metadata.json().path("hub_id").asLong()).isEqualTo(62516);
    assertThat(metadata.text("user")).isEqualTo("developer@example.com");
    assertThat(metadata.text("hub_domain")).isEqualTo("sandbox-62516.hubspot.test");
  }

  @Test
  void whenTheRedirectUriHasNonAsciiCharactersThenTheLocationIsPercentEncodedAndTheCodeWorks() {
    String unicode = "http://localhost:3000/日本/cb";
    Answer app =
        http.adminPost(
            "/sandbox/v1/apps",
            "{\"name\":\"Unicode\",\"redirect_uris\":[\""
                + unicode
                + "\"],\"scopes\":[\"oauth\",\"crm.objects.contacts.read\"],"
                + "\"optional_scopes\":[\"automation\",\"timeline\"]}");
    Link link = new Link().clientId(app.text("client_id")).set("redirect_uri", unicode);

    Answer approved = post(link.decision("approve").hub(62515).user(123456));

    assertThat(approved.status()).isEqualTo(302);
    String location = approved.header("Location");
    assertThat(location)
        .as("sent, not dropped by Tomcat with the code in a log line")
        .startsWith("http://localhost:3000/%E6%97%A5%E6%9C%AC/cb?code=")
        .matches("\\p{ASCII}+");
    String code = URI.create(location).getRawQuery().replaceFirst("^code=([^&]+).*", "$1");
    assertThat(
            http.exchange(app.text("client_id"), app.text("client_secret"), unicode, code).status())
        .isEqualTo(200);
  }

  /**
   * Browsers leave {@code | { } ^ ` \ [ ]} raw in a query (WHATWG URL), so a pasted or hand-built
   * link arrives so: it gets the consent page, as at HubSpot, not a 400 for a malformed request.
   */
  @Test
  void whenTheLinksQueryHoldsCharactersBrowsersLeaveRawThenThePageIsServed() {
    int port = http.uri("/").getPort();
    String query = link().pageQuery().replaceFirst("state=xyz", "state=a|b{c}^d`e\\\\f[g]");

    RawHttp.Answer page =
        RawHttp.send(
            port,
            ("GET /oauth/authorize?"
                    + query
                    + " HTTP/1.1\r\nHost: 127.0.0.1:"
                    + port
                    + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.body()).contains("csrf_token", "a|b{c}^d");
  }

  @Test
  void whenApprovedOnTheFullAccountThenEveryOptionalScopeIsGranted() {
    Answer approved = post(link().decision("approve").hub(62515).user(123456));

    Answer tokens = http.exchange(clientId, secret, REDIRECT, redirectQuery(approved).get("code"));
    Answer metadata = http.get("/oauth/v1/access-tokens/" + tokens.text("access_token"));
    assertThat(scopes(metadata))
        .containsExactly("oauth", "crm.objects.contacts.read", "automation", "timeline");
  }

  @Test
  void whenARequiredScopeIsMissingFromTheAccountThenItCannotBeChosen() {
    Link link = link().scope("oauth crm.objects.contacts.read automation");

    assertThat(http.get("/oauth/authorize?" + link.query()).body())
        .contains("id=\"hub-62516\" value=\"62516\" aria-describedby=\"hub-62516-note\" disabled")
        .contains("Cannot be chosen: it has no access to automation");
    assertHtmlError(post(link.decision("approve").hub(62516)), "has no access to the required");
    assertHtmlError(post(link.decision("approve").hub(99)), "hub_id and user_id must name");
  }

  @Test
  void whenDeniedThenThePageSaysAccessWasNotGrantedAndNothingRedirects() {
    Answer denied = post(link().decision("deny"));

    assertThat(denied.status()).isEqualTo(200);
    assertThat(denied.header("Location")).isNull();
    assertThat(denied.body()).contains("Access was not granted", "Nothing was sent to the app");
  }

  @Test
  void whenAnApprovalComesFromAnotherSiteThenA403PageAndNoCode() {
    Answer page = http.get("/oauth/authorize?" + link().pageQuery());
    String form =
        link().decision("approve").query() + "&csrf_token=" + SandboxHttp.encode(token(page));

    Answer crossOrigin = postRaw(form, Map.of("Origin", "https://evil.example"));
    Answer crossSite = postRaw(form, Map.of("Sec-Fetch-Site", "cross-site"));
    Answer sameSite = postRaw(form, Map.of("Sec-Fetch-Site", "same-site"));

    for (Answer refused : List.of(crossOrigin, crossSite, sameSite)) {
      assertForbidden(refused);
    }
  }

  @Test
  void whenAnApprovalHasNoTokenOrAnotherPagesTokenThenA403PageAndNoCode() {
    Answer otherPage = http.get("/oauth/authorize?" + link().state("other").pageQuery());

    Answer missing = postRaw(link().decision("approve").query(), Map.of());
    Answer forged = postRaw(link().decision("approve").query() + "&csrf_token=1.abc", Map.of());
    Answer otherState =
        postRaw(
            link().decision("approve").query()
                + "&csrf_token="
                + SandboxHttp.encode(token(otherPage)),
            Map.of());

    for (Answer refused : List.of(missing, forged, otherState)) {
      assertForbidden(refused);
    }
  }

  @Test
  void whenTheSameSiteApprovesWithThePageTokenThenTheCodeIsIssued() {
    Answer page = http.get("/oauth/authorize?" + link().pageQuery());
    String form =
        link().decision("approve").query() + "&csrf_token=" + SandboxHttp.encode(token(page));

    Answer approved =
        postRaw(
            form,
            Map.of(
                "Origin",
                "http://" + http.uri("/").getAuthority(),
                "Sec-Fetch-Site",
                "same-origin"));

    assertThat(redirectQuery(approved)).containsKey("code");
  }

  @Test
  void whenThePageIsServedThenItBindsTheBrowserWithAStrictCookieAndSendsItsOrigin() {
    Answer page = http.get("/oauth/authorize?" + link().pageQuery());

    assertThat(page.header("Set-Cookie"))
        .matches(
            "sandbox_consent=[A-Za-z0-9_-]{22}; Path=/oauth/authorize; HttpOnly;"
                + " SameSite=Strict");
    assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
  }

  @Test
  void whenAnApprovalSaysOriginNullThenA403PageAndNoCode() {
    Answer page = http.get("/oauth/authorize?" + link().pageQuery());
    String form =
        link().decision("approve").query() + "&csrf_token=" + SandboxHttp.encode(token(page));

    assertForbidden(postRaw(form, Map.of("Origin", "null")));
    assertThat(redirectQuery(postRaw(form, Map.of()))).containsKey("code");
  }

  @Test
  void whenAPageTokenApprovesTwiceThenTheSecondIsA403AndIssuesNothing() {
    Answer page = http.get("/oauth/authorize?" + link().pageQuery());
    String form =
        link().decision("approve").query() + "&csrf_token=" + SandboxHttp.encode(token(page));

    Answer first = postRaw(form, Map.of());
    Answer replayed = postRaw(form, Map.of());

    assertThat(redirectQuery(first)).containsKey("code");
    assertForbidden(replayed);
  }

  @Test
  void whenTheTokenWasRenderedForAnotherBrowserThenA403PageAndNoCode() {
    SandboxHttp otherBrowser = newBrowser();
    Answer othersPage = otherBrowser.get("/oauth/authorize?" + link().pageQuery());
    http.get("/oauth/authorize?" + link().pageQuery());
    String form =
        link().decision("approve").query() + "&csrf_token=" + SandboxHttp.encode(token(othersPage));
    SandboxHttp noCookie = newBrowser();

    assertForbidden(postRaw(form, Map.of()));
    assertForbidden(
        noCookie.send(
            HttpRequest.newBuilder(noCookie.uri("/oauth/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))));
  }

  @Test
  void whenTheApprovalsFieldsAreInTheQueryStringThenTheyAreNotRead() {
    Answer page = http.get("/oauth/authorize?" + link().pageQuery());

    Answer approved =
        http.send(
            HttpRequest.newBuilder(
                    http.uri("/oauth/authorize?" + link().decision("approve").query()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "decision=approve&csrf_token=" + SandboxHttp.encode(token(page)))));

    assertHtmlError(approved, "client_id");
  }

  /** A client with its own, empty cookie jar. */
  private static SandboxHttp newBrowser() {
    return SandboxHttp.on(http.uri("/").getPort(), InProcessSandbox.ADMIN_KEY);
  }

  private static void assertForbidden(Answer answer) {
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.header("Location")).isNull();
    assertThat(answer.header("Content-Type")).startsWith("text/html");
    assertThat(answer.body()).contains("Request refused").doesNotContain("code=");
  }

  private static void assertHtmlError(Answer answer, String problem) {
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.header("Location")).isNull();
    assertThat(answer.header("Content-Type")).startsWith("text/html");
    assertThat(answer.body()).contains("This authorization link cannot be used", problem);
    assertThat(answer.body()).doesNotContain("Exception", "at dev.oauthkit");
  }

  private static List<String> scopes(Answer metadata) {
    List<String> scopes = new ArrayList<>();
    metadata.json().path("scopes").forEach(scope -> scopes.add(scope.asString()));
    return scopes;
  }

  /** Posts the form as the page rendered for the link would (with the page's CSRF token). */
  private static Answer post(Link link) {
    Answer page = http.get("/oauth/authorize?" + link.pageQuery());
    return postRaw(link.query() + "&csrf_token=" + SandboxHttp.encode(token(page)), Map.of());
  }

  private static Answer postRaw(String form, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(http.uri("/oauth/authorize"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    headers.forEach(request::header);
    return http.send(request);
  }

  private static String token(Answer page) {
    String token = SandboxHttp.csrfToken(page);
    return token == null ? "none" : token;
  }

  private static Map<String, String> redirectQuery(Answer approved) {
    assertThat(approved.status()).isEqualTo(302);
    String location = approved.header("Location");
    assertThat(location).startsWith(REDIRECT + "?code=");
    Map<String, String> query = new LinkedHashMap<>();
    Matcher pair = Pattern.compile("([^?&=]+)=([^&]*)").matcher(URI.create(location).getRawQuery());
    while (pair.find()) {
      query.put(pair.group(1), URLDecoder.decode(pair.group(2), StandardCharsets.UTF_8));
    }
    return query;
  }

  private static Link link() {
    return new Link().clientId(clientId);
  }

  /** The parameters of an authorize link or consent form; null leaves one out. */
  private static final class Link {
    private final Map<String, String> params = new LinkedHashMap<>();

    Link() {
      params.put("scope", "oauth crm.objects.contacts.read");
      params.put("optional_scope", "automation timeline");
      params.put("redirect_uri", REDIRECT);
      params.put("state", "xyz");
    }

    Link clientId(String value) {
      return set("client_id", value);
    }

    Link scope(String value) {
      return set("scope", value);
    }

    Link optional(String value) {
      return set("optional_scope", value);
    }

    Link redirectUri(String value) {
      return set("redirect_uri", value);
    }

    Link state(String value) {
      return set("state", value);
    }

    Link decision(String value) {
      return set("decision", value);
    }

    Link hub(long value) {
      return set("hub_id", Long.toString(value));
    }

    Link user(long value) {
      return set("user_id", Long.toString(value));
    }

    /** The link the page was opened with: the form without the user's choices. */
    String pageQuery() {
      return params.entrySet().stream()
          .filter(e -> e.getValue() != null)
          .filter(e -> !List.of("decision", "hub_id", "user_id").contains(e.getKey()))
          .map(e -> SandboxHttp.encode(e.getKey()) + "=" + SandboxHttp.encode(e.getValue()))
          .collect(Collectors.joining("&"));
    }

    String query() {
      return params.entrySet().stream()
          .filter(e -> e.getValue() != null)
          .map(e -> SandboxHttp.encode(e.getKey()) + "=" + SandboxHttp.encode(e.getValue()))
          .collect(Collectors.joining("&"));
    }

    private Link set(String name, String value) {
      params.put(name, value);
      return this;
    }
  }
}
