package dev.oauthkit.hubspot.sandbox.authorize;

import dev.oauthkit.hubspot.sandbox.app.AppRegistry;
import dev.oauthkit.hubspot.sandbox.web.ApiError;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The browser step of the flow, like {@code https://app.hubspot.com/oauth/authorize}. {@code GET}
 * shows the app's name, the scopes and optional scopes it asks for, and a choice of account and
 * user. Approving redirects to the redirect URI with {@code code} and the exact {@code state};
 * optional scopes the chosen account lacks are dropped. Cancelling sends nothing to the app, as at
 * HubSpot. A bad link (unknown app, unregistered redirect URI, missing scope) gets a 400 HTML page
 * on the sandbox and never a redirect.
 */
@RestController
public final class ConsentController {

  private static final String CSP =
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";

  private final AppRegistry apps;
  private final CodeIssuer issuer;
  private final HubAccounts accounts;

  public ConsentController(AppRegistry apps, CodeIssuer issuer, HubAccounts accounts) {
    this.apps = Objects.requireNonNull(apps, "apps");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
  }

  /** The consent page, or the error page for a bad link. */
  @GetMapping("/oauth/authorize")
  public ResponseEntity<String> consentPage(@RequestParam MultiValueMap<String, String> params) {
    AuthorizeRequest.Checked checked = AuthorizeRequest.check(params, apps);
    if (!checked.ok()) {
      return html(400, ConsentPage.error(checked.problems()));
    }
    return html(200, ConsentPage.consent(checked.request(), accounts));
  }

  /** The user's decision: approve redirects with a new code, deny shows a page and stops. */
  @PostMapping("/oauth/authorize")
  public ResponseEntity<String> decide(@RequestParam MultiValueMap<String, String> params) {
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

  /** A query or form Tomcat cannot decode (bad %-escape, not UTF-8): the error page, not a 500. */
  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<String> undecodable(InvalidParameterException e) {
    return error("The link is not correctly encoded: a %-escape is bad or the text is not UTF-8.");
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
        account.hubDomain());
  }

  /** The redirect URI with {@code code} and {@code state} added (spaces as %20, never +). */
  static String location(AuthorizeRequest request, String code) {
    String redirectUri = request.redirectUri();
    StringBuilder location = new StringBuilder(redirectUri);
    location.append(redirectUri.contains("?") ? '&' : '?').append("code=").append(encode(code));
    if (request.state() != null) {
      location.append("&state=").append(encode(request.state()));
    }
    return location.toString();
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
        .header("Referrer-Policy", "no-referrer")
        .body(body);
  }
}
