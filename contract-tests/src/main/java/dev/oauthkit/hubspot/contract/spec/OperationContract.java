package dev.oauthkit.hubspot.contract.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One operation of the spec.
 *
 * @param version the API version, {@code v1} or a date version {@code YYYY-MM} (from the path
 *     {@code /oauth/<version>/...})
 * @param operationId the spec's operationId
 * @param method the HTTP method, upper case
 * @param path the path template, e.g. {@code /oauth/v1/access-tokens/{token}}
 * @param pathExample the example value of the path parameter, or {@code null} without one
 * @param requestMediaType the request body's media type, or {@code null} without a body
 * @param requestSchemaPointer the location of the request body's schema (document id, {@code #},
 *     JSON pointer), or {@code null}
 * @param requestExamples the request body examples by name
 * @param requestFields the request body's fields, in schema order; empty without a body
 * @param responses the documented responses by status code
 */
public record OperationContract(
    String version,
    String operationId,
    String method,
    String path,
    String pathExample,
    String requestMediaType,
    String requestSchemaPointer,
    Map<String, JsonNode> requestExamples,
    List<RequestField> requestFields,
    Map<String, ResponseContract> responses) {

  /** The documented response for this status, if any. */
  public Optional<ResponseContract> response(int status) {
    return Optional.ofNullable(responses.get(Integer.toString(status)));
  }

  /** The documented status codes. */
  public Set<String> statuses() {
    return responses.keySet();
  }

  /** Whether the path has a {@code {token}}-style parameter. */
  public boolean hasPathParameter() {
    return path.contains("{");
  }

  /** The path with its one parameter replaced by an already-encoded value. */
  public String expand(String encodedValue) {
    return path.replaceAll("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(encodedValue));
  }

  @Override
  public String toString() {
    return method + " " + path + " (" + operationId + ")";
  }
}
