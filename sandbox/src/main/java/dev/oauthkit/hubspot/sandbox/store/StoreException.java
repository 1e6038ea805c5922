package dev.oauthkit.hubspot.sandbox.store;

/** A store failure; the message never holds a code, token or secret. */
public final class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
