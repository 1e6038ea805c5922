package dev.oauthkit.hubspot.spec.changes;

import dev.oauthkit.hubspot.spec.changes.Rule.Side;
import java.util.List;
import java.util.Objects;

/**
 * Where changes are found (one operation's request, one response, or one parameter) and the one
 * place that maps each detected difference to its {@link Rule}. Both the openapi-diff walk and the
 * own 3.1 check report through it, so a difference is classified the same whoever found it.
 */
final class Scope {

  private final List<ApiChange> sink;
  private final OperationRef operation;
  private final String where;
  private final Side side;
  private final String source;

  private Scope(
      List<ApiChange> sink, OperationRef operation, String where, Side side, String source) {
    this.sink = Objects.requireNonNull(sink, "sink");
    this.operation = Objects.requireNonNull(operation, "operation");
    this.where = Objects.requireNonNull(where, "where");
    this.side = Objects.requireNonNull(side, "side");
    this.source = Objects.requireNonNull(source, "source");
  }

  /** A scope that appends to {@code sink}. */
  static Scope of(
      List<ApiChange> sink, OperationRef operation, String where, Side side, String source) {
    return new Scope(sink, operation, where, side, source);
  }

  Side side() {
    return side;
  }

  /** Records a change with an explicit rule. */
  void add(Rule rule, String subject, String detail) {
    sink.add(
        new ApiChange(
            operation.id(),
            operation.method(),
            operation.path(),
            where,
            subject,
            detail,
            rule,
            source));
  }

  void fieldAdded(String field, boolean required) {
    add(
        side == Side.REQUEST
            ? (required ? Rule.REQUEST_FIELD_ADDED_REQUIRED : Rule.REQUEST_FIELD_ADDED_OPTIONAL)
            : (required ? Rule.RESPONSE_FIELD_ADDED_REQUIRED : Rule.RESPONSE_FIELD_ADDED_OPTIONAL),
        field,
        "");
  }

  void fieldRemoved(String field) {
    add(Rule.of(side, Rule.REQUEST_FIELD_REMOVED, Rule.RESPONSE_FIELD_REMOVED), field, "");
  }

  void madeRequired(String field, String context) {
    add(
        Rule.of(side, Rule.REQUEST_FIELD_NOW_REQUIRED, Rule.RESPONSE_FIELD_NOW_REQUIRED),
        field,
        context);
  }

  void madeOptional(String field, String context) {
    add(
        Rule.of(side, Rule.REQUEST_FIELD_NOW_OPTIONAL, Rule.RESPONSE_FIELD_NOW_OPTIONAL),
        field,
        context);
  }

  /**
   * A field's listed values changed: from any value to a list (restricted), back (unrestricted), or
   * values added and removed, each a change of its own.
   *
   * @param where where in the schema, with a trailing {@code ": "} or empty
   */
  void enumChanged(String field, String where, List<?> before, List<?> after) {
    if (before.isEmpty() != after.isEmpty()) {
      add(
          after.isEmpty()
              ? Rule.of(side, Rule.REQUEST_VALUES_UNRESTRICTED, Rule.RESPONSE_VALUES_UNRESTRICTED)
              : Rule.of(side, Rule.REQUEST_VALUES_RESTRICTED, Rule.RESPONSE_VALUES_RESTRICTED),
          field,
          where + (after.isEmpty() ? before + " -> any value" : "any value -> " + after));
      return;
    }
    after.stream().filter(value -> !before.contains(value)).forEach(v -> enumValueAdded(field, v));
    before.stream()
        .filter(value -> !after.contains(value))
        .forEach(v -> enumValueRemoved(field, v));
  }

  void enumValueAdded(String field, Object value) {
    add(
        Rule.of(side, Rule.REQUEST_ENUM_VALUE_ADDED, Rule.RESPONSE_ENUM_VALUE_ADDED),
        field,
        "value " + value);
  }

  void enumValueRemoved(String field, Object value) {
    add(
        Rule.of(side, Rule.REQUEST_ENUM_VALUE_REMOVED, Rule.RESPONSE_ENUM_VALUE_REMOVED),
        field,
        "value " + value);
  }

  void deprecated(String field) {
    add(Rule.FIELD_DEPRECATED, field, "");
  }

  /** Joins a field path and a property name: {@code errors[]} + {@code code}. */
  static String join(String prefix, String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }

  /** An operation as the report names it. */
  record OperationRef(String id, String method, String path) {

    /** The operationId, or {@code METHOD path} for an operation without one. */
    static OperationRef of(String operationId, String method, String path) {
      String upper = method.toUpperCase(java.util.Locale.ROOT);
      return new OperationRef(
          operationId == null || operationId.isBlank() ? upper + " " + path : operationId,
          upper,
          path);
    }
  }
}
