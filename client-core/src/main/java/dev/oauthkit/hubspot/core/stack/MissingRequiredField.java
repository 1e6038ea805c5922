package dev.oauthkit.hubspot.core.stack;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A required property absent from the body or {@code null} in it; its path names the field. */
final class MissingRequiredField extends MismatchedInputException {

  private static final long serialVersionUID = 1L;

  private MissingRequiredField(JsonParser p, String problem, Class<?> type) {
    super(p, problem, type);
  }

  /**
   * Creates the exception; the path is added by whoever knows the field.
   *
   * @param problem {@code is missing} or {@code is null}
   */
  static MissingRequiredField of(JsonParser p, Class<?> beanType, String problem) {
    return new MissingRequiredField(p, problem, beanType);
  }
}
