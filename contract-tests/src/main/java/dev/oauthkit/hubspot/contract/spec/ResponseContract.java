package dev.oauthkit.hubspot.contract.spec;

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
 */
public record ResponseContract(
    int status, String mediaType, String schemaPointer, Map<String, JsonNode> examples) {

  /** Whether the response documents a body. */
  public boolean hasBody() {
    return schemaPointer != null;
  }

  /** Whether the status is a 2xx. */
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }
}
