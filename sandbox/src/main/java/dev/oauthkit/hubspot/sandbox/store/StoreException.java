package dev.oauthkit.hubspot.sandbox.store;

/**
 * A store failure; the message never holds a code, token or secret. One that {@link #unavailable()}
 * says the store cannot be reached or cannot write for now (a full disk, an I/O error, a database
 * server that is down): the HTTP layer answers it with 503 and {@code Retry-After}, not 500.
 */
public final class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean unavailable;

  public StoreException(String message, Throwable cause) {
    this(message, cause, false);
  }

  private StoreException(String message, Throwable cause, boolean unavailable) {
    super(message, cause);
    this.unavailable = unavailable;
  }

  /** A failure that passes once the store is back; carries no stack trace (it is an answer). */
  static StoreException outage(String message, Throwable cause) {
    StoreException e = new StoreException(message, cause, true);
    e.setStackTrace(new StackTraceElement[0]);
    return e;
  }

  /**
   * Whether the store is down for now (answer 503) rather than the request or the code at fault.
   */
  public boolean unavailable() {
    return unavailable;
  }
}
