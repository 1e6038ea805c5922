package dev.oauthkit.hubspot.core.stack;

import dev.oauthkit.hubspot.client.model.AccessTokenMetadata;
import dev.oauthkit.hubspot.client.model.RefreshTokenMetadata;
import dev.oauthkit.hubspot.client.model.TokenResponse;
import dev.oauthkit.hubspot.client.model.dated.CreateTokenResponse;
import dev.oauthkit.hubspot.client.model.dated.TokenIntrospection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one list of the spec's operations a client calls: the operationId (the generated method's
 * name), whether it belongs to v1 or the date versions, the model its 2xx body is read into, and
 * the wire names of its parameters in the generated method's order. Each call's values come as a
 * map from wire name to value ({@code null}: not sent); the map must name every parameter.
 */
enum Operation {
  CREATE_OR_REFRESH_ACCESS_TOKEN(
      "createOrRefreshAccessToken",
      false,
      TokenResponse.class,
      "grant_type",
      "client_id",
      "client_secret",
      "redirect_uri",
      "code",
      "refresh_token"),
  GET_ACCESS_TOKEN_METADATA("getAccessTokenMetadata", false, AccessTokenMetadata.class, "token"),
  GET_REFRESH_TOKEN_METADATA("getRefreshTokenMetadata", false, RefreshTokenMetadata.class, "token"),
  REVOKE_REFRESH_TOKEN("revokeRefreshToken", false, Void.class, "token"),
  CREATE_TOKEN(
      "createToken",
      true,
      CreateTokenResponse.class,
      "grant_type",
      "client_id",
      "client_secret",
      "code",
      "redirect_uri",
      "code_verifier",
      "refresh_token",
      "scope",
      "client_assertion",
      "client_assertion_type"),
  INTROSPECT_TOKEN(
      "introspectToken",
      true,
      TokenIntrospection.class,
      "client_id",
      "client_secret",
      "token",
      "token_type_hint"),
  REVOKE_TOKEN(
      "revokeToken", true, Void.class, "client_id", "client_secret", "token", "token_type_hint");

  private final String id;
  private final boolean dated;
  private final Class<?> responseType;
  private final List<String> parameters;

  Operation(String id, boolean dated, Class<?> responseType, String... parameters) {
    this.id = id;
    this.dated = dated;
    this.responseType = responseType;
    this.parameters = List.of(parameters);
  }

  /** Returns the spec's operationId, the generated method's name. */
  String id() {
    return id;
  }

  /** Returns whether the operation belongs to the date versions (else to v1). */
  boolean dated() {
    return dated;
  }

  /** Returns the model of a 2xx body; {@link Void} when the answer has none. */
  Class<?> responseType() {
    return responseType;
  }

  /** Returns the wire names of the parameters, in the generated method's order. */
  List<String> parameters() {
    return parameters;
  }

  /**
   * Lays {@code values} out in the generated method's order.
   *
   * @param values wire name to value; {@code null} values are not sent
   * @return the arguments
   * @throws IllegalArgumentException when a parameter is not in {@code values}
   */
  Object[] arguments(Map<String, String> values) {
    Object[] arguments = new Object[parameters.size()];
    for (int i = 0; i < arguments.length; i++) {
      String name = parameters.get(i);
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException("values: " + id + " needs " + name);
      }
      arguments[i] = values.get(name);
    }
    return arguments;
  }

  /** Returns the operation whose 2xx body is read into {@code model}, if any. */
  static Optional<Operation> answeredWith(Class<?> model) {
    for (Operation operation : values()) {
      if (operation.responseType == model) {
        return Optional.of(operation);
      }
    }
    return Optional.empty();
  }
}
