package dev.oauthkit.hubspot.sandbox.admin;

import dev.oauthkit.hubspot.sandbox.admin.api.AppsApi;
import dev.oauthkit.hubspot.sandbox.admin.model.App;
import dev.oauthkit.hubspot.sandbox.admin.model.CreateAppRequest;
import dev.oauthkit.hubspot.sandbox.app.AppRegistry;
import dev.oauthkit.hubspot.sandbox.web.ApiError.Problem;
import dev.oauthkit.hubspot.sandbox.web.Errors;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /sandbox/v1/apps}: registers an app. Redirect URIs must be absolute http(s) URIs
 * without a fragment; scopes are non-blank words without spaces.
 */
@RestController
public final class AppsAdminController implements AppsApi {

  private final AppRegistry apps;

  public AppsAdminController(AppRegistry apps) {
    this.apps = apps;
  }

  @Override
  public ResponseEntity<App> createApp(CreateAppRequest request) {
    List<Problem> problems = new ArrayList<>();
    String name = request.getName();
    if (name == null || name.isBlank()) {
      problems.add(Problem.missing("body", "name"));
    } else if (name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
      problems.add(
          Problem.invalid(
              "body", "name", "name must be at most 200 characters, none a control character"));
    }
    List<String> redirectUris = request.getRedirectUris();
    if (redirectUris == null || redirectUris.isEmpty()) {
      problems.add(Problem.missing("body", "redirect_uris"));
    } else if (redirectUris.size() > 20 || !redirectUris.stream().allMatch(this::isRedirectUri)) {
      problems.add(
          Problem.invalid(
              "body",
              "redirect_uris",
              "redirect_uris must be 1 to 20 absolute http(s) URIs without a fragment"));
    }
    List<String> scopes = request.getScopes();
    if (scopes == null || scopes.isEmpty()) {
      problems.add(Problem.missing("body", "scopes"));
    } else if (!validScopes(scopes)) {
      problems.add(Problem.invalid("body", "scopes", "scopes must be 1 to 100 words"));
    }
    List<String> optional =
        request.getOptionalScopes() == null ? List.of() : request.getOptionalScopes();
    if (!optional.isEmpty() && !validScopes(optional)) {
      problems.add(Problem.invalid("body", "optional_scopes", "optional_scopes must be words"));
    }
    if (!problems.isEmpty()) {
      throw Errors.invalidFields(problems);
    }
    AppRegistry.NewApp created =
        apps.create(
            name.trim(),
            redirectUris,
            scopes,
            optional,
            Boolean.TRUE.equals(request.getClientCredentials()));
    App body =
        new App(
            Math.toIntExact(created.app().appId()),
            created.app().clientId(),
            created.clientSecret(),
            created.app().redirectUris(),
            created.app().scopes(),
            created.app().optionalScopes());
    body.setName(created.app().name());
    body.setClientCredentials(created.app().clientCredentials());
    return ResponseEntity.status(201).cacheControl(CacheControl.noStore()).body(body);
  }

  private boolean isRedirectUri(String value) {
    if (value == null || value.length() > 2000) {
      return false;
    }
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      return uri.isAbsolute()
          && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
          && uri.getHost() != null
          && uri.getFragment() == null;
    } catch (Exception e) {
      return false;
    }
  }

  private static boolean validScopes(List<String> scopes) {
    return scopes.size() <= 100
        && scopes.stream().allMatch(s -> s != null && s.matches("[A-Za-z0-9._:\\-/]{1,100}"));
  }
}
