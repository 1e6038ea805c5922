package dev.oauthkit.hubspot.sandbox.authorize;

import dev.oauthkit.hubspot.sandbox.app.AppRegistry;
import dev.oauthkit.hubspot.sandbox.store.App;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * The parameters of {@code /oauth/authorize}, checked against the app they name: a known {@code
 * client_id}, one of its registered redirect URIs, a {@code scope} with every scope the app
 * requires, and only scopes the app lists. Until all of that holds, nothing may be sent to the
 * redirect URI, so problems are reported on the sandbox's own page.
 */
final class AuthorizeRequest {

  /** The longest {@code state} accepted, in characters. */
  static final int MAX_STATE_LENGTH = 2048;

  private static final List<String> FIELDS =
      List.of(
          "client_id",
          "redirect_uri",
          "scope",
          "optional_scope",
          "state",
          "code_challenge",
          "code_challenge_method");

  private final App app;
  private final String redirectUri;
  private final List<String> scopes;
  private final List<String> optionalScopes;
  private final String state;
  private final String codeChallenge;

  private AuthorizeRequest(
      App app,
      String redirectUri,
      List<String> scopes,
      List<String> optional,
      String state,
      String codeChallenge) {
    this.app = app;
    this.redirectUri = redirectUri;
    this.scopes = List.copyOf(scopes);
    this.optionalScopes = List.copyOf(optional);
    this.state = state;
    this.codeChallenge = codeChallenge;
  }

  /** Checks the parameters (query or form); the result holds either a request or problems. */
  static Checked check(MultiValueMap<String, String> params, AppRegistry apps) {
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(apps, "apps");
    List<String> problems = new ArrayList<>();
    for (String field : FIELDS) {
      List<String> values = params.get(field);
      if (values != null && values.size() > 1) {
        problems.add(field + " is given more than once.");
      }
    }
    if (!problems.isEmpty()) {
      return new Checked(null, problems);
    }
    String clientId = params.getFirst("client_id");
    App app = blank(clientId) ? null : apps.find(clientId).orElse(null);
    if (app == null) {
      problems.add(
          blank(clientId)
              ? "client_id is missing."
              : "client_id does not name an app registered with this sandbox.");
      return new Checked(null, problems);
    }
    String redirectUri = params.getFirst("redirect_uri");
    if (blank(redirectUri)) {
      problems.add("redirect_uri is missing.");
    } else if (!app.redirectUris().contains(redirectUri)) {
      problems.add("redirect_uri is not one of the redirect URLs registered for this app.");
    }
    List<String> scopes = split(params.getFirst("scope"));
    Set<String> known = new LinkedHashSet<>(app.scopes());
    known.addAll(app.optionalScopes());
    if (scopes.isEmpty()) {
      problems.add("scope is missing: the link must ask for the scopes the app requires.");
    } else if (!scopes.containsAll(app.scopes())) {
      problems.add("scope must include every scope the app requires: " + app.scopes() + ".");
    }
    List<String> optional = split(params.getFirst("optional_scope"));
    List<String> unknown = new ArrayList<>(new LinkedHashSet<>(scopes));
    unknown.addAll(optional);
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      problems.add("These scopes are not configured for this app: " + unknown + ".");
    }
    String state = params.getFirst("state");
    if (state != null && state.length() > MAX_STATE_LENGTH) {
      problems.add("state is longer than " + MAX_STATE_LENGTH + " characters.");
    }
    String challenge = params.getFirst("code_challenge");
    String method = params.getFirst("code_challenge_method");
    if (!blank(challenge) || !blank(method)) {
      if (!"S256".equals(method)) {
        problems.add("code_challenge_method must be S256 (PKCE, RFC 7636).");
      }
      if (challenge == null || !challenge.matches("[A-Za-z0-9_-]{43}")) {
        problems.add("code_challenge must be the 43-character BASE64URL SHA-256 of the verifier.");
      }
    }
    if (!problems.isEmpty()) {
      return new Checked(null, problems);
    }
    List<String> optionalOnly = new ArrayList<>(new LinkedHashSet<>(optional));
    optionalOnly.removeAll(scopes);
    return new Checked(
        new AuthorizeRequest(
            app,
            redirectUri,
            List.copyOf(new LinkedHashSet<>(scopes)),
            optionalOnly,
            state,
            blank(challenge) ? null : challenge),
        List.of());
  }

  App app() {
    return app;
  }

  String redirectUri() {
    return redirectUri;
  }

  /** The scopes the app requires for this request ({@code scope}), without duplicates. */
  List<String> scopes() {
    return scopes;
  }

  /** The optional scopes ({@code optional_scope}) not already required. */
  List<String> optionalScopes() {
    return optionalScopes;
  }

  /** The state, exactly as given, or null. */
  String state() {
    return state;
  }

  /** The PKCE S256 challenge, or null when the link asked for none. */
  String codeChallenge() {
    return codeChallenge;
  }

  /** Splits a space-separated scope list (a {@code +} in a query is already a space here). */
  static List<String> split(String value) {
    return blank(value) ? List.of() : Arrays.asList(value.trim().split("\\s+"));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /**
   * The outcome of {@link #check}: a request, or the problems found.
   *
   * @param request the checked request, or null
   * @param problems what is wrong, as sentences for the error page
   */
  record Checked(AuthorizeRequest request, List<String> problems) {
    Checked {
      problems = List.copyOf(problems);
    }

    boolean ok() {
      return request != null;
    }
  }
}
