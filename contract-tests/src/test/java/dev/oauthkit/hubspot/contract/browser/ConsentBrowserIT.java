package dev.oauthkit.hubspot.contract.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.client.model.AccessTokenMetadata;
import dev.oauthkit.hubspot.core.ApiVersion;
import dev.oauthkit.hubspot.core.AuthorizationUrl;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.UserTokens;
import dev.oauthkit.hubspot.retrofit.client.HubSpotOAuthRetrofitClient;
import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp;
import dev.oauthkit.hubspot.sandbox.testing.SandboxProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sandbox's consent page in headless Chromium: the built sandbox jar as a process, an app
 * created through the admin API, the link built by client-core's {@link AuthorizationUrl}. Approve
 * lands on a local server with {@code code} and the exact {@code state}, and the code exchanges
 * with the Retrofit client; an optional scope the chosen account lacks is dropped. Cancel and a bad
 * link send nothing to the app.
 */
class ConsentBrowserIT {

  private static final String APP_NAME = "Acme <CRM> & Co";
  private static final String STATE = "st@te/ä b+c&d=e";
  private static final Duration LIMIT = Duration.ofSeconds(30);

  @TempDir static Path temp;
  private static SandboxProcess sandbox;
  private static RedirectCatcher catcher;
  private static WebDriver browser;
  private static String clientId;
  private static String clientSecret;

  @BeforeAll
  static void start() throws Exception {
    Chromium.require();
    catcher = RedirectCatcher.start();
    sandbox = SandboxProcess.start(temp.resolve("data"), temp.resolve("sandbox.log"));
    SandboxHttp.Answer app =
        sandbox
            .http()
            .adminPost(
                "/sandbox/v1/apps",
                "{\"name\":\"Acme <CRM> & Co\",\"redirect_uris\":[\""
                    + catcher.redirectUri()
                    + "\"],\"scopes\":[\"oauth\",\"crm.objects.contacts.read\"],"
                    + "\"optional_scopes\":[\"automation\",\"timeline\"]}");
    assertThat(app.status()).isEqualTo(201);
    clientId = app.text("client_id");
    clientSecret = app.text("client_secret");
    browser = Chromium.start(temp.resolve("chromium-profile"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (sandbox != null) {
      sandbox.close();
    }
    if (catcher != null) {
      catcher.close();
    }
  }

  @BeforeEach
  void nothingPending() {
    assertThat(catcher.pending()).isZero();
  }

  @Test
  void whenTheUserApprovesOnAnAccountWithoutAutomationThenTheAppGetsACodeWithoutIt()
      throws Exception {
    browser.get(link(catcher.redirectUri(), STATE).toString());

    assertThat(browser.getTitle()).contains("Connect " + APP_NAME);
    assertThat(text(By.id("app-name"))).isEqualTo(APP_NAME);
    assertThat(texts(By.cssSelector("#scopes li")))
        .containsExactly("oauth", "crm.objects.contacts.read");
    assertThat(texts(By.cssSelector("#optional-scopes li")))
        .containsExactly("automation", "timeline");
    assertThat(texts(By.cssSelector("#accounts label")))
        .containsExactly("Demo Enterprise (hub 62515)", "Demo Starter (hub 62516)");
    assertThat(text(By.id("hub-62516-note"))).contains("automation", "dropped");
    assertThat(browser.findElement(By.id("hub-62515")).isSelected()).isTrue();
    Select user = new Select(browser.findElement(By.id("user_id")));
    assertThat(user.getOptions())
        .extracting(WebElement::getText)
        .containsExactly("user@example.com (user 123456)", "developer@example.com (user 123457)");

    // By keyboard: arrow to the second account, pick a user, press Enter on Connect.
    browser.findElement(By.id("hub-62515")).sendKeys(Keys.ARROW_DOWN);
    assertThat(browser.findElement(By.id("hub-62516")).isSelected()).isTrue();
    user.selectByValue("123457");
    browser.findElement(By.id("approve")).sendKeys(Keys.ENTER);

    URI redirect = catcher.next(LIMIT);
    assertThat(redirect).as("the redirect reached the app").isNotNull();
    assertThat(redirect.getPath()).isEqualTo("/callback");
    Map<String, String> query = RedirectCatcher.query(redirect);
    assertThat(query).containsOnlyKeys("code", "state").containsEntry("state", STATE);
    new WebDriverWait(browser, LIMIT)
        .until(ExpectedConditions.urlContains(catcher.redirectUri() + "?code="));
    assertThat(text(By.id("callback"))).isEqualTo("Callback received");

    HubSpotOAuthRetrofitClient client =
        HubSpotOAuthRetrofitClient.builder()
            .apiVersion(ApiVersion.V1)
            .baseUrl(sandboxUrl())
            .credentials(OAuthCredentials.of(clientId, clientSecret))
            .build();
    UserTokens tokens = client.exchangeAuthorizationCode(query.get("code"), catcher.redirectUri());
    AccessTokenMetadata metadata = client.getAccessTokenMetadata(tokens.accessToken());
    assertThat(metadata.getScopes())
        .containsExactly("oauth", "crm.objects.contacts.read", "timeline")
        .doesNotContain("automation");
    assertThat(metadata.getHubId()).isEqualTo(62516);
    assertThat(metadata.getUser()).isEqualTo("developer@example.com");
  }

  @Test
  void whenTheUserCancelsThenThePageSaysSoAndTheAppReceivesNothing() throws Exception {
    String hostile = "\"><img src=x onerror=\"document.title='owned'\">";
    browser.get(link(catcher.redirectUri(), hostile).toString());
    assertThat(browser.findElements(By.tagName("img"))).isEmpty();

    browser.findElement(By.id("deny")).click();

    new WebDriverWait(browser, LIMIT).until(ExpectedConditions.titleContains("not granted"));
    assertThat(text(By.id("title"))).isEqualTo("Access was not granted");
    assertThat(text(By.id("message"))).contains(APP_NAME, "Nothing was sent to the app");
    assertThat(browser.getCurrentUrl()).startsWith(sandboxUrl() + "/oauth/authorize");
    assertThat(catcher.pending()).as("requests the app received").isZero();
  }

  @Test
  void whenTheRedirectUriIsNotRegisteredThenTheSandboxShowsAnErrorAndRedirectsNowhere() {
    browser.get(link(catcher.unregisteredUri(), "x").toString());

    assertThat(text(By.id("title"))).isEqualTo("This authorization link cannot be used");
    assertThat(texts(By.cssSelector("#problems li")))
        .containsExactly("redirect_uri is not one of the redirect URLs registered for this app.");
    assertThat(browser.findElements(By.tagName("form"))).isEmpty();
    assertThat(browser.getCurrentUrl()).startsWith(sandboxUrl() + "/oauth/authorize");
    assertThat(catcher.pending()).isZero();
  }

  @Test
  void whenAnotherSitePostsAnApprovalThenTheSandboxRefusesItAndTheAppReceivesNothing() {
    String hidden =
        "<input type=hidden name=client_id value=\""
            + clientId
            + "\"><input type=hidden name=redirect_uri value=\""
            + catcher.redirectUri()
            + "\"><input type=hidden name=scope value=\"oauth crm.objects.contacts.read\">"
            + "<input type=hidden name=decision value=approve>"
            + "<input type=hidden name=csrf_token value=\"1.forged\">";
    String evil =
        catcher.servePage(
            "/evil",
            "<!doctype html><html><head><title>Win a prize</title><link rel=icon href=\"data:,\">"
                + "</head><body>"
                + "<form id=f method=post action=\""
                + sandboxUrl()
                + "/oauth/authorize\">"
                + hidden
                + "</form><script>document.getElementById('f').submit()</script></body></html>");

    browser.get(evil);

    new WebDriverWait(browser, LIMIT).until(ExpectedConditions.titleContains("Request refused"));
    assertThat(text(By.id("problems")))
        .contains("did not come from the sandbox's own consent page");
    assertThat(browser.getCurrentUrl()).startsWith(sandboxUrl() + "/oauth/authorize");
    assertThat(catcher.pending()).as("requests the app received").isZero();
  }

  private static AuthorizationUrl link(String redirectUri, String state) {
    return AuthorizationUrl.builder()
        .baseUrl(sandboxUrl())
        .clientId(clientId)
        .scopes("oauth", "crm.objects.contacts.read")
        .optionalScopes("automation", "timeline")
        .redirectUri(redirectUri)
        .state(state)
        .build();
  }

  private static String text(By locator) {
    return browser.findElement(locator).getText();
  }

  private static List<String> texts(By locator) {
    return browser.findElements(locator).stream().map(WebElement::getText).toList();
  }

  private static String sandboxUrl() {
    return "http://127.0.0.1:" + sandbox.port();
  }
}
