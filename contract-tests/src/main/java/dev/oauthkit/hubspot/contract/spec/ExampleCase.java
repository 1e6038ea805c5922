package dev.oauthkit.hubspot.contract.spec;

import tools.jackson.databind.JsonNode;

/**
 * One response example of the spec, with the operation and response it documents.
 *
 * @param operation the operation
 * @param response the documented response
 * @param name the example's name, or {@code null} for a response without a body
 * @param body the example's value, or {@code null} for a response without a body
 */
public record ExampleCase(
    OperationContract operation, ResponseContract response, String name, JsonNode body) {

  /** A short label such as {@code getAccessTokenMetadata 401 UnauthorizedErrorExample}. */
  public String label() {
    return operation.operationId() + " " + response.status() + (name == null ? "" : " " + name);
  }

  @Override
  public String toString() {
    return label();
  }
}
