package dev.oauthkit.hubspot.sandbox.web;

import jakarta.servlet.ServletRequest;
import java.util.Objects;

/**
 * A request body as {@link BodyFilter} read it: the bytes, or why there are none to use. Kept as a
 * request attribute for whoever answers the request.
 *
 * @param bytes the body (empty when none was sent or it was unusable)
 * @param problem null for a usable body, else a message for the client (too large, unreadable)
 */
public record Body(byte[] bytes, String problem) {

  static final Body EMPTY = new Body(new byte[0], null);
  private static final String ATTRIBUTE = Body.class.getName();

  public Body {
    Objects.requireNonNull(bytes, "bytes");
  }

  /** A usable body. */
  static Body of(byte[] bytes) {
    return new Body(bytes, null);
  }

  /** An unusable body with the reason. */
  static Body unusable(String problem) {
    return new Body(new byte[0], Objects.requireNonNull(problem, "problem"));
  }

  /** Whether the body can be used. */
  public boolean usable() {
    return problem == null;
  }

  /** The body read for this request, or an empty one. */
  public static Body of(ServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof Body body ? body : EMPTY;
  }

  void attachTo(ServletRequest request) {
    request.setAttribute(ATTRIBUTE, this);
  }

  @Override
  public String toString() {
    return "Body[" + bytes.length + " bytes" + (problem == null ? "" : ", " + problem) + "]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Body that
        && java.util.Arrays.equals(bytes, that.bytes)
        && Objects.equals(problem, that.problem);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Arrays.hashCode(bytes) + Objects.hashCode(problem);
  }
}
