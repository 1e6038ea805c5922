package dev.oauthkit.hubspot.core.stack;

/**
 * A non-2xx answer as a stack read it: status, Retry-After header and the start of the body. It
 * never leaves the facade: {@link AbstractHubSpotOAuthClient} turns it into a {@link
 * dev.oauthkit.hubspot.core.HubSpotOAuthException} that redacts the call's secrets, so it carries
 * no stack trace and its message holds only the status.
 */
public final class ErrorResponse extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient String retryAfter;
  private final transient String body;

  private ErrorResponse(int status, String retryAfter, String body) {
    super("HTTP " + status, null, false, false);
    this.status = status;
    this.retryAfter = retryAfter;
    this.body = body;
  }

  /**
   * Creates the answer.
   *
   * @param status the HTTP status
   * @param retryAfter the Retry-After header, or {@code null}
   * @param body the body text, or {@code null} when there was none; kept up to {@link
   *     ErrorBodies#MAX_BODY_CHARS} characters
   * @return the answer
   */
  public static ErrorResponse of(int status, String retryAfter, String body) {
    return new ErrorResponse(status, retryAfter, ErrorBodies.capped(body));
  }

  /** Returns the HTTP status. */
  public int status() {
    return status;
  }

  /** Returns the Retry-After header, or {@code null}. */
  public String retryAfter() {
    return retryAfter;
  }

  /** Returns the body, at most {@link ErrorBodies#MAX_BODY_CHARS} characters; empty if none. */
  public String body() {
    return body;
  }
}
