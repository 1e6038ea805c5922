package dev.oauthkit.hubspot.sandbox.authorize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * The HTML of the consent flow: the consent form, the page shown after a user cancels, and the
 * error page for a bad link. Self-contained (one inline style sheet, no scripts, nothing fetched),
 * with real form controls and labels, and every value that came from a request or an app escaped.
 */
final class ConsentPage {

  private static final String CSS = load("consent.css");

  private ConsentPage() {}

  /** The consent form for a checked request. */
  static String consent(AuthorizeRequest request, HubAccounts accounts, String csrfToken) {
    StringBuilder body = new StringBuilder(4096);
    String appName = text(request.app().name());
    body.append("<h1 id=\"title\">Connect <span id=\"app-name\">")
        .append(appName)
        .append("</span> to a HubSpot account</h1>\n")
        .append("<p>The app asks to access these parts of the account you choose.</p>\n")
        .append("<form method=\"post\" action=\"/oauth/authorize\">\n")
        .append("<h2 id=\"scopes-heading\">Scopes</h2>\n");
    scopeList(body, "scopes", request.scopes());
    body.append("<h2 id=\"optional-scopes-heading\">Optional scopes</h2>\n");
    if (request.optionalScopes().isEmpty()) {
      body.append("<p id=\"optional-scopes\" class=\"muted\">None.</p>\n");
    } else {
      body.append("<p class=\"muted\">Granted only if the account has the product.</p>\n");
      scopeList(body, "optional-scopes", request.optionalScopes());
    }
    accountChoice(body, request, accounts);
    body.append("<div class=\"field\"><label for=\"user_id\">Approve as</label>")
        .append("<select id=\"user_id\" name=\"user_id\">");
    for (HubAccounts.User user : accounts.users()) {
      body.append("<option value=\"")
          .append(user.userId())
          .append("\">")
          .append(text(user.email()))
          .append(" (user ")
          .append(user.userId())
          .append(")</option>");
    }
    body.append("</select></div>\n");
    hidden(body, "client_id", request.app().clientId());
    hidden(body, "redirect_uri", request.redirectUri());
    hidden(body, "scope", String.join(" ", request.scopes()));
    hidden(body, "optional_scope", String.join(" ", request.optionalScopes()));
    hidden(body, "state", request.state());
    if (request.codeChallenge() != null) {
      hidden(body, "code_challenge", request.codeChallenge());
      hidden(body, "code_challenge_method", "S256");
    }
    hidden(body, "csrf_token", csrfToken);
    body.append("<div class=\"actions\">")
        .append("<button type=\"submit\" id=\"approve\" name=\"decision\" value=\"approve\">")
        .append("Connect app</button>")
        .append("<button type=\"submit\" id=\"deny\" name=\"decision\" value=\"deny\"")
        .append(" class=\"secondary\">Cancel</button></div>\n</form>\n");
    return page("Connect " + appName, body.toString());
  }

  /** The page for a consent POST that did not come from the consent page itself. */
  static String forbidden() {
    return page(
        "Request refused",
        "<h1 id=\"title\">Request refused</h1>\n"
            + "<p id=\"problems\">This approval did not come from the sandbox's own consent page"
            + " (another site sent it, or the page is too old). Nothing was sent to the app."
            + " Open the authorization link again.</p>\n");
  }

  /** The page after Cancel: no request goes to the app. */
  static String denied(String appName) {
    String body =
        "<h1 id=\"title\">Access was not granted</h1>\n<p id=\"message\">You did not connect "
            + text(appName)
            + " to a HubSpot account. Nothing was sent to the app; you can close this page.</p>\n";
    return page("Access was not granted", body);
  }

  /** The page for a link that cannot be honoured; nothing is sent to any redirect URI. */
  static String error(List<String> problems) {
    StringBuilder body = new StringBuilder(1024);
    body.append("<h1 id=\"title\">This authorization link cannot be used</h1>\n")
        .append("<ul id=\"problems\" class=\"problems\">");
    for (String problem : problems) {
      body.append("<li>").append(text(problem)).append("</li>");
    }
    body.append(
        "</ul>\n<p>Nothing was sent to the app. Ask its developer to check the link.</p>\n");
    return page("Authorization link cannot be used", body.toString());
  }

  private static void accountChoice(
      StringBuilder body, AuthorizeRequest request, HubAccounts accounts) {
    body.append("<fieldset id=\"accounts\"><legend>Choose an account</legend>\n");
    boolean checked = false;
    for (HubAccount account : accounts.accounts()) {
      List<String> lackedRequired = account.lacking(request.scopes());
      List<String> dropped = account.lacking(request.optionalScopes());
      boolean usable = lackedRequired.isEmpty();
      String id = "hub-" + account.hubId();
      body.append("<div class=\"choice\"><input type=\"radio\" name=\"hub_id\" id=\"")
          .append(id)
          .append("\" value=\"")
          .append(account.hubId())
          .append("\" aria-describedby=\"")
          .append(id)
          .append("-note\"");
      if (!usable) {
        body.append(" disabled");
      } else if (!checked) {
        body.append(" checked");
        checked = true;
      }
      body.append("><label for=\"")
          .append(id)
          .append("\">")
          .append(text(account.name()))
          .append(" <span class=\"muted\">(hub ")
          .append(account.hubId())
          .append(")</span></label><p class=\"note\" id=\"")
          .append(id)
          .append("-note\">");
      if (!usable) {
        body.append("Cannot be chosen: it has no access to ").append(names(lackedRequired));
      } else if (!dropped.isEmpty()) {
        body.append("Has no access to ").append(names(dropped)).append(": dropped from the grant");
      } else {
        body.append("Has every product the app asks for");
      }
      body.append(".</p></div>\n");
    }
    body.append("</fieldset>\n");
  }

  private static void scopeList(StringBuilder body, String id, List<String> scopes) {
    body.append("<ul id=\"").append(id).append("\" class=\"scopes\">");
    for (String scope : scopes) {
      body.append("<li><code>").append(text(scope)).append("</code></li>");
    }
    body.append("</ul>\n");
  }

  private static void hidden(StringBuilder body, String name, String value) {
    if (value != null) {
      body.append("<input type=\"hidden\" name=\"")
          .append(name)
          .append("\" value=\"")
          .append(text(value))
          .append("\">\n");
    }
  }

  private static String names(List<String> scopes) {
    return text(String.join(", ", scopes));
  }

  private static String page(String escapedTitle, String body) {
    return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
        + escapedTitle
        + " - HubSpot OAuth sandbox</title>\n<style>\n"
        + CSS
        + "</style>\n</head>\n<body>\n<main>\n<p class=\"brand\">HubSpot OAuth sandbox</p>\n"
        + body
        + "</main>\n</body>\n</html>\n";
  }

  /** Escapes text for HTML content and double-quoted attributes. */
  static String text(String value) {
    return HtmlUtils.htmlEscape(value, StandardCharsets.UTF_8.name());
  }

  private static String load(String name) {
    try (InputStream in = ConsentPage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
