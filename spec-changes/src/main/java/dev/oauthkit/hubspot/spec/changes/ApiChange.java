package dev.oauthkit.hubspot.spec.changes;

import java.util.Objects;

/**
 * One change between a document's baseline and its current text.
 *
 * @param operation the operation it belongs to, e.g. {@code getAccessTokenMetadata}
 * @param method the HTTP method in upper case
 * @param path the path template
 * @param where {@code "operation"}, {@code "request"}, {@code "response 200"} or {@code "query
 *     parameter"}
 * @param subject what changed: a field path such as {@code errors[].code}, a parameter name, a
 *     status code, a media type, or the operation id
 * @param detail the change in words beyond the rule, e.g. {@code "value refresh_token"}; may be
 *     empty
 * @param rule the kind of change and what it breaks
 * @param source {@code "openapi-diff"} or {@code "own 3.1 check"}
 */
public record ApiChange(
    String operation,
    String method,
    String path,
    String where,
    String subject,
    String detail,
    Rule rule,
    String source) {

  static final String LIBRARY = "openapi-diff";
  static final String OWN = "own 3.1 check";

  /** Validates the components. */
  public ApiChange {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(source, "source");
  }

  /** The operation as a reader finds it: {@code getAccessTokenMetadata (GET /oauth/...)}. */
  String operationLabel() {
    return operation + " (" + method + " " + path + ")";
  }

  /** One line naming the operation, where, the field and the change. */
  String describe() {
    return operationLabel()
        + " "
        + where
        + " `"
        + subject
        + "`: "
        + rule.text()
        + (detail.isEmpty() ? "" : " (" + detail + ")");
  }

  /** The line to put in CHANGES.md to acknowledge this change. */
  String acknowledgement() {
    return "- " + operation + " " + where + " `" + subject + "`: " + rule.text();
  }
}
