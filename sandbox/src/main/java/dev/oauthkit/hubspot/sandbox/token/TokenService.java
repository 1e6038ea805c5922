package dev.oauthkit.hubspot.sandbox.token;

import dev.oauthkit.hubspot.sandbox.app.AppRegistry;
import dev.oauthkit.hubspot.sandbox.grant.GrantHandler;
import dev.oauthkit.hubspot.sandbox.grant.IssuedTokens;
import dev.oauthkit.hubspot.sandbox.grant.TokenRequest;
import dev.oauthkit.hubspot.sandbox.store.App;
import dev.oauthkit.hubspot.sandbox.web.ApiError;
import dev.oauthkit.hubspot.sandbox.web.Errors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The token endpoint's rules, in order: every missing field is reported at once (400), an unknown
 * grant type is refused (400), the client must authenticate (401), then the grant's handler runs.
 */
public final class TokenService {

  private static final List<String> COMMON_FIELDS =
      List.of("grant_type", "client_id", "client_secret");

  private final AppRegistry apps;
  private final List<GrantHandler> handlerList;
  private final Map<String, GrantHandler> handlers;

  private TokenService(AppRegistry apps, List<GrantHandler> handlers) {
    this.apps = Objects.requireNonNull(apps, "apps");
    this.handlerList = List.copyOf(handlers);
    this.handlers =
        handlers.stream().collect(Collectors.toUnmodifiableMap(GrantHandler::grantType, h -> h));
  }

  /** A service dispatching to the given handlers by grant type. */
  public static TokenService of(AppRegistry apps, List<GrantHandler> handlers) {
    return new TokenService(apps, handlers);
  }

  /** The same rules with one more grant type (the date versions add client_credentials). */
  public TokenService with(GrantHandler handler) {
    List<GrantHandler> more = new ArrayList<>(handlerList);
    more.add(Objects.requireNonNull(handler, "handler"));
    return new TokenService(apps, more);
  }

  /** Answers a token request, or throws the {@link ApiError} the spec documents for it. */
  public IssuedTokens exchange(TokenRequest request) {
    Objects.requireNonNull(request, "request");
    check(request);
    App client = apps.authenticate(request.clientId(), request.clientSecret());
    return handlers.get(request.grantType()).grant(request, client);
  }

  /** The error for a request whose fields are missing, found from raw parameters. */
  public ApiError missingFieldsError(Function<String, String> parameter) {
    try {
      check(TokenRequest.of(parameter));
    } catch (ApiError error) {
      return error;
    }
    return Errors.missingTokenParameters(COMMON_FIELDS);
  }

  private void check(TokenRequest request) {
    GrantHandler handler =
        request.field("grant_type") == null ? null : handlers.get(request.grantType());
    List<String> missing = new ArrayList<>();
    for (String field : COMMON_FIELDS) {
      if (request.field(field) == null) {
        missing.add(field);
      }
    }
    if (handler != null) {
      for (String field : handler.requiredFields()) {
        if (request.field(field) == null) {
          missing.add(field);
        }
      }
    }
    if (!missing.isEmpty()) {
      throw Errors.missingTokenParameters(missing);
    }
    if (handler == null) {
      throw Errors.unsupportedGrantType();
    }
  }
}
