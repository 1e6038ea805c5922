package dev.oauthkit.hubspot.sandbox.web;

import jakarta.servlet.ServletRequest;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The correlation id of a request: a random (version 4) UUID, set once per request, sent as the
 * {@value #HEADER} header, written in every Error body and in the request's log line.
 */
public final class Correlation {

  /** The response header that carries the id. */
  public static final String HEADER = "X-HubSpot-Correlation-Id";

  private static final String ATTRIBUTE = Correlation.class.getName();

  private Correlation() {}

  /** The request's id, created on first use. */
  public static UUID of(ServletRequest request) {
    Object existing = request.getAttribute(ATTRIBUTE);
    if (existing instanceof UUID id) {
      return id;
    }
    UUID id = newId();
    request.setAttribute(ATTRIBUTE, id);
    return id;
  }

  /** The request's id if it has one already, else null. */
  public static UUID peek(ServletRequest request) {
    try {
      return request.getAttribute(ATTRIBUTE) instanceof UUID id ? id : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * A version 4 UUID from a fast thread-local generator: ids only need to be unique, not secret.
   */
  public static UUID newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }
}
