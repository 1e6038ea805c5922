package dev.oauthkit.hubspot.sandbox.authorize;

import dev.oauthkit.hubspot.sandbox.app.AppRegistry;
import dev.oauthkit.hubspot.sandbox.store.App;
import dev.oauthkit.hubspot.sandbox.web.ApiError.Problem;
import dev.oauthkit.hubspot.sandbox.web.Errors;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The browser step of the flow, like {@code https://app.hubspot.com/oauth/authorize}: {@code GET}
 * shows a consent form for the app, hub and user; approving redirects to the redirect URI with
 * {@code code} and {@code state}; cancelling sends no request to it, as at HubSpot.
 */
@RestController
public final class ConsentController {

  private final AppRegistry apps;
  private final CodeIssuer issuer;

  public ConsentController(AppRegistry apps, CodeIssuer issuer) {
    this.apps = apps;
    this.issuer = issuer;
  }

  /** The consent page. Bad client_id, redirect_uri or scope get a 400 Error body. */
  @GetMapping("/oauth/authorize")
  public ResponseEntity<String> consentPage(
      @RequestParam(value = "client_id", required = false) String clientId,
      @RequestParam(value = "redirect_uri", required = false) String redirectUri,
      @RequestParam(value = "scope", required = false) String scope,
      @RequestParam(value = "optional_scope", required = false) String optionalScope,
      @RequestParam(value = "state", required = false) String state) {
    App app = check(clientId, redirectUri, scope);
    String hidden =
        hidden("client_id", clientId)
            + hidden("redirect_uri", redirectUri)
            + hidden("scope", scope)
            + hidden("optional_scope", optionalScope)
            + hidden("state", state);
    String html =
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Connect an app</title></head>"
            + "<body><h1>Connect "
            + HtmlUtils.htmlEscape(app.name())
            + " to a sandbox HubSpot account</h1><p>Scopes: "
            + HtmlUtils.htmlEscape(join(scope, optionalScope))
            + "</p><form method=\"post\" action=\"/oauth/authorize\">"
            + hidden
            + "<p><label>Hub ID <input name=\"hub_id\" value=\"62515\"></label></p>"
            + "<p><label>User ID <input name=\"user_id\" value=\"123456\"></label></p>"
            + "<p><label>User <input name=\"user\" value=\"user@example.com\"></label></p>"
            + "<button name=\"decision\" value=\"approve\">Connect app</button> "
            + "<button name=\"decision\" value=\"deny\">Cancel</button></form></body></html>";
    return html(html);
  }

  /** The user's decision: approve redirects with a new code, deny shows a page and stops. */
  @PostMapping("/oauth/authorize")
  public ResponseEntity<String> decide(
      @RequestParam(value = "client_id", required = false) String clientId,
      @RequestParam(value = "redirect_uri", required = false) String redirectUri,
      @RequestParam(value = "scope", required = false) String scope,
      @RequestParam(value = "optional_scope", required = false) String optionalScope,
      @RequestParam(value = "state", required = false) String state,
      @RequestParam(value = "hub_id", required = false) String hubId,
      @RequestParam(value = "user_id", required = false) String userId,
      @RequestParam(value = "user", required = false) String user,
      @RequestParam(value = "decision", required = false) String decision) {
    check(clientId, redirectUri, scope);
    if (!"approve".equals(decision)) {
      return html("<!doctype html><html><body><p>You did not connect the app.</p></body></html>");
    }
    List<String> scopes = new ArrayList<>(split(scope));
    scopes.addAll(split(optionalScope));
    CodeRequest request =
        CodeRequest.of(clientId, redirectUri)
            .withScopes(scopes)
            .withUser(number(hubId, "hub_id"), number(userId, "user_id"), user);
    CodeIssuer.IssuedCode code = issuer.issue(request);
    String location =
        redirectUri
            + (redirectUri.contains("?") ? "&" : "?")
            + "code="
            + encode(code.code())
            + (state == null ? "" : "&state=" + encode(state));
    return ResponseEntity.status(302)
        .location(URI.create(location))
        .cacheControl(CacheControl.noStore())
        .build();
  }

  private App check(String clientId, String redirectUri, String scope) {
    List<Problem> problems = new ArrayList<>();
    App app = apps.find(clientId).orElse(null);
    if (app == null) {
      problems.add(Problem.invalid("query", "client_id", "client_id names no app"));
    } else if (redirectUri == null || !app.redirectUris().contains(redirectUri)) {
      problems.add(
          Problem.invalid("query", "redirect_uri", "redirect_uri is not registered for this app"));
    } else if (!split(scope).containsAll(app.scopes())) {
      problems.add(Problem.invalid("query", "scope", "scope must include every scope of the app"));
    }
    if (!problems.isEmpty()) {
      throw Errors.invalidFields(problems);
    }
    return app;
  }

  private static Long number(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw Errors.invalidFields(
          List.of(Problem.invalid("body", field, field + " is not a number")));
    }
  }

  private static List<String> split(String scopes) {
    return scopes == null || scopes.isBlank()
        ? List.of()
        : Arrays.asList(scopes.trim().split("\\s+"));
  }

  private static String join(String scope, String optionalScope) {
    return optionalScope == null ? scope : scope + " " + optionalScope;
  }

  private static String hidden(String name, String value) {
    return value == null
        ? ""
        : "<input type=\"hidden\" name=\""
            + name
            + "\" value=\""
            + HtmlUtils.htmlEscape(value)
            + "\">";
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static ResponseEntity<String> html(String body) {
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore())
        .body(body);
  }
}
