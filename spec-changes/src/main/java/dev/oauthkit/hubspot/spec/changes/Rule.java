package dev.oauthkit.hubspot.spec.changes;

/**
 * What a kind of spec change means for each side: callers built on the old document (clients) and
 * implementations of it (servers). spec-changes/README.md lists the same rows; a test keeps them in
 * step.
 */
public enum Rule {
  OPERATION_ADDED(Kind.ADDED, "operation added", false, true),
  OPERATION_REMOVED(Kind.REMOVED, "operation removed", true, false),
  OPERATION_DEPRECATED(Kind.DEPRECATED, "operation deprecated", false, false),
  PARAMETER_ADDED_REQUIRED(Kind.ADDED, "required parameter added", true, true),
  PARAMETER_ADDED_OPTIONAL(Kind.ADDED, "optional parameter added", false, true),
  PARAMETER_REMOVED(Kind.REMOVED, "parameter removed", true, false),
  PARAMETER_NOW_REQUIRED(Kind.CHANGED, "parameter made required", true, false),
  PARAMETER_NOW_OPTIONAL(Kind.CHANGED, "parameter made optional", false, true),
  PARAMETER_DEPRECATED(Kind.DEPRECATED, "parameter deprecated", false, false),
  REQUEST_BODY_NOW_REQUIRED(Kind.CHANGED, "request body made required", true, false),
  REQUEST_BODY_NOW_OPTIONAL(Kind.CHANGED, "request body made optional", false, true),
  REQUEST_MEDIA_TYPE_ADDED(Kind.ADDED, "request media type added", false, true),
  REQUEST_MEDIA_TYPE_REMOVED(Kind.REMOVED, "request media type removed", true, false),
  REQUEST_FIELD_ADDED_REQUIRED(Kind.ADDED, "required request field added", true, true),
  REQUEST_FIELD_ADDED_OPTIONAL(Kind.ADDED, "optional request field added", false, true),
  REQUEST_FIELD_REMOVED(Kind.REMOVED, "request field removed", true, false),
  REQUEST_FIELD_NOW_REQUIRED(Kind.CHANGED, "request field made required", true, false),
  REQUEST_FIELD_NOW_OPTIONAL(Kind.CHANGED, "request field made optional", false, true),
  REQUEST_ENUM_VALUE_ADDED(Kind.ADDED, "request enum value added", false, true),
  REQUEST_ENUM_VALUE_REMOVED(Kind.REMOVED, "request enum value removed", true, false),
  REQUEST_TYPE_WIDENED(Kind.CHANGED, "request field type widened (a type added)", false, true),
  REQUEST_TYPE_NARROWED(Kind.CHANGED, "request field type narrowed (a type removed)", true, false),
  REQUEST_VALUES_RESTRICTED(
      Kind.CHANGED, "request field restricted to listed values (enum added)", true, false),
  REQUEST_VALUES_UNRESTRICTED(
      Kind.CHANGED,
      "request field no longer restricted to listed values (enum removed)",
      false,
      true),
  RESPONSE_STATUS_ADDED(Kind.ADDED, "response status added", false, false),
  RESPONSE_STATUS_REMOVED(Kind.REMOVED, "response status removed", true, false),
  RESPONSE_MEDIA_TYPE_ADDED(Kind.ADDED, "response media type added", false, false),
  RESPONSE_MEDIA_TYPE_REMOVED(Kind.REMOVED, "response media type removed", true, false),
  RESPONSE_FIELD_ADDED_OPTIONAL(Kind.ADDED, "optional response field added", false, false),
  RESPONSE_FIELD_ADDED_REQUIRED(Kind.ADDED, "required response field added", false, true),
  RESPONSE_FIELD_REMOVED(Kind.REMOVED, "response field removed", true, false),
  RESPONSE_FIELD_NOW_REQUIRED(Kind.CHANGED, "response field made required", false, true),
  RESPONSE_FIELD_NOW_OPTIONAL(Kind.CHANGED, "response field made optional", true, false),
  RESPONSE_ENUM_VALUE_ADDED(Kind.ADDED, "response enum value added", true, false),
  RESPONSE_ENUM_VALUE_REMOVED(Kind.REMOVED, "response enum value removed", false, true),
  RESPONSE_TYPE_WIDENED(Kind.CHANGED, "response field type widened (a type added)", true, false),
  RESPONSE_TYPE_NARROWED(
      Kind.CHANGED, "response field type narrowed (a type removed)", false, true),
  RESPONSE_VALUES_RESTRICTED(
      Kind.CHANGED, "response field restricted to listed values (enum added)", false, true),
  RESPONSE_VALUES_UNRESTRICTED(
      Kind.CHANGED,
      "response field no longer restricted to listed values (enum removed)",
      true,
      false),
  FIELD_DEPRECATED(Kind.DEPRECATED, "field deprecated", false, false),
  TYPE_CHANGED(Kind.CHANGED, "type or format changed", true, true),
  CONST_CHANGED(Kind.CHANGED, "const value changed", true, true),
  COMPOSITION_CHANGED(Kind.CHANGED, "allOf/anyOf/oneOf entry added or removed", true, true),
  CONDITION_CHANGED(
      Kind.CHANGED, "if/then/else or dependentRequired added, removed or changed", true, true);

  private final Kind kind;
  private final String text;
  private final boolean breaksClients;
  private final boolean breaksServers;

  Rule(Kind kind, String text, boolean breaksClients, boolean breaksServers) {
    this.kind = kind;
    this.text = text;
    this.breaksClients = breaksClients;
    this.breaksServers = breaksServers;
  }

  /** Added, changed, deprecated or removed: how the report groups it. */
  public Kind kind() {
    return kind;
  }

  /** The change in words, e.g. {@code "response field removed"}. */
  public String text() {
    return text;
  }

  /** Whether a client generated from the old document may fail against the new one. */
  public boolean breaksClients() {
    return breaksClients;
  }

  /** Whether a server implementing the old document no longer satisfies the new one. */
  public boolean breaksServers() {
    return breaksServers;
  }

  /** The request or response variant of a side-dependent rule. */
  static Rule of(Side side, Rule request, Rule response) {
    return side == Side.REQUEST ? request : response;
  }

  /** The report's groups, in the order it shows them. */
  public enum Kind {
    REMOVED,
    CHANGED,
    DEPRECATED,
    ADDED
  }

  /** Which way data flows where the change is. */
  public enum Side {
    REQUEST,
    RESPONSE
  }
}
