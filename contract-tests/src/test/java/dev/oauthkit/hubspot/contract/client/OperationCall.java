package dev.oauthkit.hubspot.contract.client;

import dev.oauthkit.hubspot.contract.spec.OperationContract;
import dev.oauthkit.hubspot.core.HubSpotOAuthClient;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.UserTokens;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Calls an operation of the spec through a client facade, with the arguments the spec's examples
 * give: the path parameter's example, or the fields of a request body example. The one place that
 * maps an operationId to a facade method; an operation without a mapping fails loudly.
 *
 * @param operation the operation
 * @param requestName the request body example's name, or {@code null}
 * @param request the request body example, or {@code null}
 */
record OperationCall(OperationContract operation, String requestName, JsonNode request) {

  /** The credentials the client needs for this call: the request example's, or placeholders. */
  OAuthCredentials credentials() {
    if (request == null) {
      return OAuthCredentials.of("contract-client-id", "contract-client-secret");
    }
    return OAuthCredentials.of(
        request.path("client_id").asString(), request.path("client_secret").asString());
  }

  /** The form fields the request must carry, or an empty map for a call without a body. */
  Map<String, String> expectedForm() {
    if (request == null) {
      return Map.of();
    }
    Map<String, String> form = new java.util.TreeMap<>();
    request.properties().forEach(field -> form.put(field.getKey(), field.getValue().asString()));
    return form;
  }

  /** Calls the operation; returns the model (or null for a response without a body). */
  Object invoke(HubSpotOAuthClient client) {
    String token = operation.pathExample();
    return switch (operation.operationId()) {
      case "getAccessTokenMetadata" -> client.getAccessTokenMetadata(token);
      case "getRefreshTokenMetadata" -> client.getRefreshTokenMetadata(token);
      case "revokeRefreshToken" -> {
        client.revokeRefreshToken(token);
        yield null;
      }
      case "createOrRefreshAccessToken" ->
          wireFields(
              switch (request.path("grant_type").asString()) {
                case "authorization_code" ->
                    client.exchangeAuthorizationCode(
                        request.path("code").asString(), request.path("redirect_uri").asString());
                case "refresh_token" ->
                    client.refreshAccessToken(request.path("refresh_token").asString());
                default ->
                    throw new IllegalStateException(
                        "no client method for grant " + request.path("grant_type"));
              });
      default ->
          throw new IllegalStateException(
              "no client method for operation " + operation.operationId() + ": add one");
    };
  }

  /** The v1 token response's fields as the typed result holds them, to compare with the example. */
  private static Map<String, Object> wireFields(UserTokens tokens) {
    return Map.of(
        "access_token", tokens.accessToken(),
        "token_type", tokens.tokenType(),
        "expires_in", tokens.expiresIn().toSeconds(),
        "refresh_token", tokens.refreshToken());
  }

  @Override
  public String toString() {
    return operation.operationId() + (requestName == null ? "" : " with " + requestName);
  }
}
