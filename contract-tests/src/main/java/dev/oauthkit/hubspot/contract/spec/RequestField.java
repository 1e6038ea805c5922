package dev.oauthkit.hubspot.contract.spec;

import java.util.List;

/**
 * One field of an operation's request body, as its schema documents it.
 *
 * @param name the property name, e.g. {@code grant_type}
 * @param required whether the schema lists it as required
 * @param enumValues the allowed values when the schema has an {@code enum}; empty otherwise
 * @param example the schema's example, or {@code null}
 * @param secret whether the schema marks it {@code format: password}
 */
public record RequestField(
    String name, boolean required, List<String> enumValues, String example, boolean secret) {

  /** Copies the enum values. */
  public RequestField {
    enumValues = List.copyOf(enumValues);
  }
}
