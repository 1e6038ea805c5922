package dev.oauthkit.hubspot.spec.changes;

/**
 * What a kind of spec change means for each side: callers built on the old document (clients) and
 * implementations of it (servers). spec/README.md lists the same rows; a test keeps them in step.
 */
enum Rule {
  OPERATION_ADDED("operation added", false, true),
  OPERATION_REMOVED("operation removed", true, false),
  OPERATION_DEPRECATED("operation deprecated", false, false),
  PARAMETER_ADDED_REQUIRED("required parameter added", true, true),
  PARAMETER_ADDED_OPTIONAL("optional parameter added", false, true),
  PARAMETER_REMOVED("parameter removed", true, false),
  PARAMETER_NOW_REQUIRED("parameter made required", true, false),
  PARAMETER_NOW_OPTIONAL("parameter made optional", false, true),
  PARAMETER_DEPRECATED("parameter deprecated", false, false),
  REQUEST_BODY_NOW_REQUIRED("request body made required", true, false),
  REQUEST_BODY_NOW_OPTIONAL("request body made optional", false, true),
  REQUEST_MEDIA_TYPE_ADDED("request media type added", false, true),
  REQUEST_MEDIA_TYPE_REMOVED("request media type removed", true, false),
  REQUEST_FIELD_ADDED_REQUIRED("required request field added", true, true),
  REQUEST_FIELD_ADDED_OPTIONAL("optional request field added", false, true),
  REQUEST_FIELD_REMOVED("request field removed", true, false),
  REQUEST_FIELD_NOW_REQUIRED("request field made required", true, false),
  REQUEST_FIELD_NOW_OPTIONAL("request field made optional", false, true),
  REQUEST_ENUM_VALUE_ADDED("request enum value added", false, true),
  REQUEST_ENUM_VALUE_REMOVED("request enum value removed", true, false),
  REQUEST_TYPE_WIDENED("request field type widened (a type added)", false, true),
  REQUEST_TYPE_NARROWED("request field type narrowed (a type removed)", true, false),
  RESPONSE_STATUS_ADDED("response status added", false, false),
  RESPONSE_STATUS_REMOVED("response status removed", true, false),
  RESPONSE_MEDIA_TYPE_ADDED("response media type added", false, false),
  RESPONSE_MEDIA_TYPE_REMOVED("response media type removed", true, false),
  RESPONSE_FIELD_ADDED_OPTIONAL("optional response field added", false, false),
  RESPONSE_FIELD_ADDED_REQUIRED("required response field added", false, true),
  RESPONSE_FIELD_REMOVED("response field removed", true, false),
  RESPONSE_FIELD_NOW_REQUIRED("response field made required", false, true),
  RESPONSE_FIELD_NOW_OPTIONAL("response field made optional", true, false),
  RESPONSE_ENUM_VALUE_ADDED("response enum value added", true, false),
  RESPONSE_ENUM_VALUE_REMOVED("response enum value removed", false, true),
  RESPONSE_TYPE_WIDENED("response field type widened (a type added)", true, false),
  RESPONSE_TYPE_NARROWED("response field type narrowed (a type removed)", false, true),
  FIELD_DEPRECATED("field deprecated", false, false),
  TYPE_CHANGED("type or format changed", true, true),
  CONST_CHANGED("const value changed", true, true),
  COMPOSITION_CHANGED("allOf/anyOf/oneOf entry added or removed", true, true);

  private final String text;
  private final boolean breaksClients;
  private final boolean breaksServers;

  Rule(String text, boolean breaksClients, boolean breaksServers) {
    this.text = text;
    this.breaksClients = breaksClients;
    this.breaksServers = breaksServers;
  }

  /** The change in words, e.g. {@code "response field removed"}. */
  String text() {
    return text;
  }

  /** Whether a client generated from the old document may fail against the new one. */
  boolean breaksClients() {
    return breaksClients;
  }

  /** Whether a server implementing the old document no longer satisfies the new one. */
  boolean breaksServers() {
    return breaksServers;
  }

  /** The request or response variant of a side-dependent rule. */
  static Rule of(Side side, Rule request, Rule response) {
    return side == Side.REQUEST ? request : response;
  }

  /** Which way data flows where the change is. */
  enum Side {
    REQUEST,
    RESPONSE
  }
}
