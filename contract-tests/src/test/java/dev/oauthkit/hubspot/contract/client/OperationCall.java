package dev.oauthkit.hubspot.contract.client;

import dev.oauthkit.hubspot.contract.spec.OperationContract;
import dev.oauthkit.hubspot.core.ApiVersion;
import dev.oauthkit.hubspot.core.HubSpotOAuthClient;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Calls an operation of the spec through a client facade on the operation's API version, with the
 * arguments the spec's examples give: the path parameter's example, or the fields of a request body
 * example. The one place that maps an operationId (of v1 or of any date version) to a facade
 * method; an operation without a mapping fails loudly.
 *
 * @param operation the operation
 * @param requestName the request body example's name, or {@code null}
 * @param request the request body example, or {@code null}
 */
record OperationCall(OperationContract operation, String requestName, JsonNode request) {

  /**
   * Optional request fields a facade method never sends, by operationId: {@code introspect(token)}
   * takes no {@code token_type_hint}.
   */
  private static final Map<String, Set<String>> NOT_SENT =
      Map.of("introspectToken", Set.of("token_type_hint"));

  /** The API version the client must be built on: the operation's. */
  ApiVersion version() {
    return ApiVersion.of(operation.version());
  }

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
    Map<String, String> form = new TreeMap<>();
    if (request == null) {
      return form;
    }
    Set<String> notSent = NOT_SENT.getOrDefault(operation.operationId(), Set.of());
    request
        .properties()
        .forEach(
            field -> {
              if (!notSent.contains(field.getKey())) {
                form.put(field.getKey(), field.getValue().asString());
              }
            });
    return form;
  }

  /**
   * Whether a success answer of this shape fits the facade method the call uses: a token answer
   * whose {@code token_use} is not the grant's (a client-credentials token for a user grant, or the
   * other way round) must be refused with a {@code HubSpotOAuthResponseException} on {@code
   * $.token_use}.
   */
  boolean accepts(JsonNode answer) {
    if (request == null || !request.has("grant_type") || answer == null) {
      return true;
    }
    if (!answer.has("token_use")) {
      return true;
    }
    String expected =
        field("grant_type").equals("client_credentials") ? "client_credentials" : "access_token";
    return answer.get("token_use").asString().equals(expected);
  }

  /** Calls the operation; returns the typed result (or null for a response without a body). */
  Object invoke(HubSpotOAuthClient client) {
    return switch (operation.operationId()) {
      case "getAccessTokenMetadata" -> client.getAccessTokenMetadata(operation.pathExample());
      case "getRefreshTokenMetadata" -> client.getRefreshTokenMetadata(operation.pathExample());
      case "revokeRefreshToken" -> revoke(client, operation.pathExample());
      case "revokeToken" -> revoke(client, field("token"));
      case "introspectToken" -> client.introspect(field("token"));
      case "createOrRefreshAccessToken", "createToken" -> grant(client);
      default ->
          throw new IllegalStateException(
              "no client method for operation " + operation.operationId() + ": add one");
    };
  }

  private Object grant(HubSpotOAuthClient client) {
    return switch (field("grant_type")) {
      case "authorization_code" ->
          request.has("code_verifier")
              ? client.exchangeAuthorizationCode(
                  field("code"), field("redirect_uri"), field("code_verifier"))
              : client.exchangeAuthorizationCode(field("code"), field("redirect_uri"));
      case "refresh_token" -> client.refreshAccessToken(field("refresh_token"));
      case "client_credentials" ->
          client.clientCredentialsToken(Arrays.asList(field("scope").split(" ")));
      default ->
          throw new IllegalStateException("no client method for grant " + field("grant_type"));
    };
  }

  private static Object revoke(HubSpotOAuthClient client, String token) {
    client.revokeRefreshToken(token);
    return null;
  }

  private String field(String name) {
    if (request == null || !request.has(name)) {
      throw new IllegalStateException(this + " has no request field " + name);
    }
    return request.get(name).asString();
  }

  @Override
  public String toString() {
    return operation.version()
        + " "
        + operation.operationId()
        + (requestName == null ? "" : " with " + requestName);
  }
}
