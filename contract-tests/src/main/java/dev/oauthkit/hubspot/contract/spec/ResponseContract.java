package dev.oauthkit.hubspot.contract.spec;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One documented response of an operation.
 *
 * @param status the status code
 * @param mediaType the body's media type, or {@code null} for a response without a body
 * @param schemaPointer the location of the body's schema (document id, {@code #}, JSON pointer), or
 *     {@code null}
 * @param examples the body examples by name
 * @param requiredHeaders the names of the response headers the spec marks {@code required: true},
 *     in document order (a documented header is optional unless so marked, as in OpenAPI)
 */
public record ResponseContract(
    int status,
    String mediaType,
    String schemaPointer,
    Map<String, JsonNode> examples,
    List<String> requiredHeaders) {

  /** Keeps the required headers as an unmodifiable list. */
  public ResponseContract {
    requiredHeaders = requiredHeaders == null ? List.of() : List.copyOf(requiredHeaders);
  }

  /** A documented response that requires no header. */
  public ResponseContract(
      int status, String mediaType, String schemaPointer, Map<String, JsonNode> examples) {
    this(status, mediaType, schemaPointer, examples, List.of());
  }

  /** Whether the response documents a body. */
  public boolean hasBody() {
    return schemaPointer != null;
  }

  /** Whether the status is a 2xx. */
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }
}
