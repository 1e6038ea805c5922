package dev.oauthkit.hubspot.sandbox.authorize;

import dev.oauthkit.hubspot.sandbox.app.AppRegistry;
import dev.oauthkit.hubspot.sandbox.secret.Secrets;
import dev.oauthkit.hubspot.sandbox.store.App;
import dev.oauthkit.hubspot.sandbox.store.AuthCodeRow;
import dev.oauthkit.hubspot.sandbox.store.SandboxStore;
import dev.oauthkit.hubspot.sandbox.web.ApiError.Problem;
import dev.oauthkit.hubspot.sandbox.web.Errors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Issues authorization codes, for the consent page and the admin API alike. A code is valid for
 * {@link #CODE_TTL}, bound to its app and redirect URI, and stored only as its SHA-256.
 */
public final class CodeIssuer {

  /** How long a code can be exchanged. */
  public static final Duration CODE_TTL = Duration.ofMinutes(10);

  static final long DEFAULT_HUB_ID = 62515;
  static final long DEFAULT_USER_ID = 123456;
  static final String DEFAULT_USER = "user@example.com";
  private static final int MAX_HUB_DOMAIN = 253;
  private static final int MAX_SCOPES = 100;

  private final AppRegistry apps;
  private final SandboxStore store;
  private final Clock clock;

  private CodeIssuer(AppRegistry apps, SandboxStore store, Clock clock) {
    this.apps = Objects.requireNonNull(apps, "apps");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public static CodeIssuer of(AppRegistry apps, SandboxStore store, Clock clock) {
    return new CodeIssuer(apps, store, clock);
  }

  /**
   * Checks the request and stores a new code.
   *
   * @throws dev.oauthkit.hubspot.sandbox.web.ApiError 400 naming every bad field
   */
  public IssuedCode issue(CodeRequest request) {
    Objects.requireNonNull(request, "request");
    List<Problem> problems = new ArrayList<>();
    App app = null;
    if (isBlank(request.clientId())) {
      problems.add(Problem.missing("body", "client_id"));
    } else {
      app = apps.find(request.clientId()).orElse(null);
      if (app == null) {
        problems.add(Problem.invalid("body", "client_id", "client_id names no app"));
      }
    }
    if (isBlank(request.redirectUri())) {
      problems.add(Problem.missing("body", "redirect_uri"));
    } else if (app != null && !app.redirectUris().contains(request.redirectUri())) {
      problems.add(
          Problem.invalid("body", "redirect_uri", "redirect_uri is not registered for this app"));
    }
    List<String> scopes = app == null ? List.of() : grantedScopes(app, request.scopes(), problems);
    checkId(request.hubId(), "hub_id", problems);
    checkId(request.userId(), "user_id", problems);
    if (request.user() != null
        && (request.user().isBlank()
            || request.user().length() > 254
            || hasControlCharacter(request.user()))) {
      problems.add(Problem.invalid("body", "user", "user must be an email address"));
    }
    if (request.hubDomain() != null
        && (request.hubDomain().length() > MAX_HUB_DOMAIN
            || hasControlCharacter(request.hubDomain()))) {
      problems.add(
          Problem.invalid(
              "body",
              "hub_domain",
              "hub_domain must be at most 253 characters without control characters (a DNS name)"));
    }
    if (request.codeChallenge() != null && !request.codeChallenge().matches("[A-Za-z0-9_-]{43}")) {
      problems.add(
          Problem.invalid(
              "body", "code_challenge", "code_challenge must be a 43-character S256 challenge"));
    }
    if (!problems.isEmpty()) {
      throw Errors.invalidFields(problems);
    }
    long hubId = request.hubId() == null ? DEFAULT_HUB_ID : request.hubId();
    String hubDomain =
        isBlank(request.hubDomain()) ? "sandbox-" + hubId + ".hubspot.test" : request.hubDomain();
    AuthCodeRow.Grant grant =
        new AuthCodeRow.Grant(
            hubId,
            request.userId() == null ? DEFAULT_USER_ID : request.userId(),
            request.user() == null ? DEFAULT_USER : request.user(),
            hubDomain,
            scopes);
    String code = Secrets.uuidShaped();
    Instant expiresAt = clock.instant().plus(CODE_TTL);
    store.insertCode(
        new AuthCodeRow(
            Secrets.sha256Hex(code),
            app.clientId(),
            request.redirectUri(),
            grant,
            expiresAt,
            null,
            request.codeChallenge()));
    return new IssuedCode(code, CODE_TTL.toSeconds());
  }

  private static List<String> grantedScopes(
      App app, List<String> requested, List<Problem> problems) {
    if (requested == null) {
      return app.scopes();
    }
    if (requested.size() > MAX_SCOPES) {
      problems.add(Problem.invalid("body", "scopes", "scopes must be at most 100"));
    }
    if (requested.stream().anyMatch(scope -> scope == null || scope.isBlank())) {
      problems.add(Problem.invalid("body", "scopes", "scopes must not hold a null or blank scope"));
      return List.of(); // the problems are reported; nothing is issued
    }
    Set<String> granted = new LinkedHashSet<>(requested);
    if (!granted.containsAll(app.scopes())) {
      problems.add(Problem.invalid("body", "scopes", "scopes must include every scope of the app"));
    }
    Set<String> allowed = new LinkedHashSet<>(app.scopes());
    allowed.addAll(app.optionalScopes());
    if (!allowed.containsAll(granted)) {
      problems.add(
          Problem.invalid(
              "body", "scopes", "scopes may only add the app's optional scopes to its scopes"));
    }
    return List.copyOf(granted);
  }

  private static void checkId(Long id, String field, List<Problem> problems) {
    if (id != null && (id < 1 || id > Integer.MAX_VALUE)) {
      problems.add(Problem.invalid("body", field, field + " must be between 1 and 2147483647"));
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  /**
   * A new code. {@link #toString()} hides it.
   *
   * @param code the code
   * @param expiresIn seconds until it expires
   */
  public record IssuedCode(String code, long expiresIn) {
    @Override
    public String toString() {
      return "IssuedCode[expiresIn=" + expiresIn + "]";
    }
  }

  /** Whether {@code value} holds a control character (NUL among them, which PostgreSQL refuses). */
  private static boolean hasControlCharacter(String value) {
    return value.chars().anyMatch(Character::isISOControl);
  }
}
