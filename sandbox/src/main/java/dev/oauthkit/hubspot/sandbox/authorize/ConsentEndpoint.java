package dev.oauthkit.hubspot.sandbox.authorize;

import dev.oauthkit.hubspot.sandbox.api.PageEndpoint;
import dev.oauthkit.hubspot.sandbox.app.AppRegistry;
import dev.oauthkit.hubspot.sandbox.web.ApiError;
import dev.oauthkit.hubspot.sandbox.web.Body;
import dev.oauthkit.hubspot.sandbox.web.FormParser;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The browser step of the flow, like {@code https://app.hubspot.com/oauth/authorize}. {@code GET}
 * shows the app's name, the scopes and optional scopes it asks for, and a choice of account and
 * user. Approving redirects to the redirect URI with {@code code} and the exact {@code state};
 * optional scopes the chosen account lacks are dropped. Cancelling sends nothing to the app, as at
 * HubSpot. A bad link (unknown app, unregistered redirect URI, missing scope) gets a 400 HTML page
 * on the sandbox and never a redirect. An approval must carry the page's {@link ConsentGuard}
 * token, once, from the browser the page was rendered for (its cookie), with its fields in the form
 * body, and must not come from another site: a forged or replayed one gets a 403 page and no code.
 * Pages send {@code Referrer-Policy: same-origin}, so the form's POST carries the sandbox's origin.
 *
 * <p>Served on the one request path: {@code HubSpotApiFilter} hands it every request for {@value
 * #PATH}.
 */
public final class ConsentEndpoint implements PageEndpoint {

  /** The consent page's path. */
  public static final String PATH = "/oauth/authorize";

  private static final String CSP =
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";

  private final AppRegistry apps;
  private final CodeIssuer issuer;
  private final HubAccounts accounts;
  private final ConsentGuard guard;

  private ConsentEndpoint(AppRegistry apps, CodeIssuer issuer, HubAccounts accounts, Clock clock) {
    this.apps = Objects.requireNonNull(apps, "apps");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.guard = ConsentGuard.create(clock);
  }

  /** The consent page over these apps, code issuer and demo accounts. */
  public static ConsentEndpoint of(
      AppRegistry apps, CodeIssuer issuer, HubAccounts accounts, Clock clock) {
    return new ConsentEndpoint(apps, issuer, accounts, clock);
  }

  @Override
  public String path() {
    return PATH;
  }

  @Override
  public void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
    ResponseEntity<String> page;
    MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
    if ("GET".equals(request.getMethod())) {
      page =
          read(request.getQueryString(), params)
              ? consentPage(params, guard.binding(bindingCookie(request)))
              : undecodable();
    } else if ("POST".equals(request.getMethod())) {
      // The fields of an approval come from the form body only, never from the query string.
      Body body = Body.of(request);
      page =
          !body.usable() || !read(new String(body.bytes(), StandardCharsets.ISO_8859_1), params)
              ? undecodable()
              : decide(params, request);
    } else {
      page = html(405, ConsentPage.error(List.of("Use GET to open the page.")));
      response.setHeader("Allow", "GET, POST");
    }
    write(page, response);
  }

  /**
   * The consent page, its token bound to the browser's {@code binding} (set as a cookie), or the
   * error page for a bad link.
   */
  ResponseEntity<String> consentPage(MultiValueMap<String, String> params, String binding) {
    AuthorizeRequest.Checked checked = AuthorizeRequest.check(params, apps);
    if (!checked.ok()) {
      return html(400, ConsentPage.error(checked.problems()));
    }
    AuthorizeRequest request = checked.request();
    ResponseEntity<String> page =
        html(200, ConsentPage.consent(request, accounts, guard.tokenFor(request, binding)));
    return ResponseEntity.status(page.getStatusCode())
        .headers(page.getHeaders())
        .header(HttpHeaders.SET_COOKIE, ConsentGuard.cookie(binding))
        .body(page.getBody());
  }

  /** The user's decision: approve redirects with a new code, deny shows a page and stops. */
  ResponseEntity<String> decide(MultiValueMap<String, String> params, HttpServletRequest http) {
    if (ConsentGuard.crossSite(
        http.getHeader("Origin"), http.getHeader("Sec-Fetch-Site"), ownOrigin(http))) {
      return html(403, ConsentPage.forbidden());
    }
    AuthorizeRequest.Checked checked = AuthorizeRequest.check(params, apps);
    if (!checked.ok()) {
      return html(400, ConsentPage.error(checked.problems()));
    }
    AuthorizeRequest request = checked.request();
    String decision = params.getFirst("decision");
    if ("deny".equals(decision)) {
      return html(200, ConsentPage.denied(request.app().name()));
    }
    if (!"approve".equals(decision)) {
      return error("decision must be approve or deny.");
    }
    String token = params.getFirst("csrf_token");
    if (!guard.accepts(token, request, bindingCookie(http))) {
      return html(403, ConsentPage.forbidden());
    }
    Optional<HubAccount> account =
        number(params.getFirst("hub_id"), accounts.accounts().get(0).hubId())
            .flatMap(accounts::account);
    Optional<HubAccounts.User> user =
        number(params.getFirst("user_id"), accounts.users().get(0).userId())
            .flatMap(accounts::user);
    if (account.isEmpty() || user.isEmpty()) {
      return error("hub_id and user_id must name one of the sandbox's accounts and users.");
    }
    List<String> lacked = account.get().lacking(request.scopes());
    if (!lacked.isEmpty()) {
      return error(
          "The account "
              + account.get().name()
              + " has no access to the required scopes "
              + lacked
              + "; choose another account.");
    }
    if (!guard.consume(token)) {
      return html(403, ConsentPage.forbidden());
    }
    CodeIssuer.IssuedCode code;
    try {
      code = issuer.issue(codeRequest(request, account.get(), user.get()));
    } catch (ApiError e) {
      return html(
          400, ConsentPage.error(e.problems().stream().map(ApiError.Problem::message).toList()));
    }
    return ResponseEntity.status(302)
        .header(HttpHeaders.LOCATION, location(request, code.code()))
        .cacheControl(CacheControl.noStore())
        .header("Referrer-Policy", "no-referrer")
        .build();
  }

  /** A query or form that cannot be decoded (bad %-escape, not UTF-8): the error page. */
  private static ResponseEntity<String> undecodable() {
    return error("The link is not correctly encoded: a %-escape is bad or the text is not UTF-8.");
  }

  /** Adds the parameters of a query or form to {@code params}; false if it cannot be decoded. */
  private static boolean read(String encoded, MultiValueMap<String, String> params) {
    if (encoded == null || encoded.isEmpty()) {
      return true;
    }
    try {
      FormParser.parseAll(encoded.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)
          .forEach(params::addAll);
      return true;
    } catch (FormParser.FormException e) {
      return false;
    }
  }

  /** The value of the browser's binding cookie, or null. */
  private static String bindingCookie(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (ConsentGuard.COOKIE.equals(cookie.getName())) {
          return cookie.getValue();
        }
      }
    }
    return null;
  }

  /** The sandbox's origin as the browser addressed it. */
  private static String ownOrigin(HttpServletRequest request) {
    String host = request.getHeader("Host");
    return request.getScheme() + "://" + (host == null ? request.getServerName() : host);
  }

  private static void write(ResponseEntity<String> page, HttpServletResponse response)
      throws IOException {
    response.setStatus(page.getStatusCode().value());
    page.getHeaders()
        .forEach((name, values) -> response.setHeader(name, String.join(", ", values)));
    byte[] body =
        page.getBody() == null ? new byte[0] : page.getBody().getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static CodeRequest codeRequest(
      AuthorizeRequest request, HubAccount account, HubAccounts.User user) {
    return new CodeRequest(
        request.app().clientId(),
        request.redirectUri(),
        account.grant(request.scopes(), request.optionalScopes()),
        account.hubId(),
        user.userId(),
        user.email(),
        account.hubDomain(),
        request.codeChallenge());
  }

  /**
   * The redirect URI with {@code code} and {@code state} added (spaces as %20, never +), in ASCII:
   * a character beyond it (a registered {@code http://a/日本}) is percent-encoded as UTF-8, as a
   * browser would, because a header must be ASCII (Tomcat drops one that is not, and logs it, code
   * included).
   */
  static String location(AuthorizeRequest request, String code) {
    String redirectUri = request.redirectUri();
    StringBuilder location = new StringBuilder(redirectUri);
    location.append(redirectUri.contains("?") ? '&' : '?').append("code=").append(encode(code));
    if (request.state() != null) {
      location.append("&state=").append(encode(request.state()));
    }
    return URI.create(location.toString()).toASCIIString();
  }

  private static Optional<Long> number(String value, long fallback) {
    if (value == null || value.isBlank()) {
      return Optional.of(fallback);
    }
    try {
      return Optional.of(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static ResponseEntity<String> error(String problem) {
    return html(400, ConsentPage.error(List.of(problem)));
  }

  private static ResponseEntity<String> html(int status, String body) {
    return ResponseEntity.status(status)
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore())
        .header("Content-Security-Policy", CSP)
        .header("X-Content-Type-Options", "nosniff")
        .header("X-Frame-Options", "DENY")
        .header("Referrer-Policy", "same-origin")
        .body(body);
  }
}
