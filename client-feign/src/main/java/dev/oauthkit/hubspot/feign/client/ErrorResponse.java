package dev.oauthkit.hubspot.feign.client;

/**
 * A non-2xx answer to one of the facade's own calls, as read by {@link ErrorMapper}. It never
 * leaves the facade: {@link CallExecutor} turns it into a {@link
 * dev.oauthkit.hubspot.core.HubSpotOAuthException} that redacts the call's secrets.
 */
final class ErrorResponse extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient String retryAfter;
  private final transient String body;

  ErrorResponse(int status, String retryAfter, String body) {
    super("HTTP " + status, null, false, false);
    this.status = status;
    this.retryAfter = retryAfter;
    this.body = body;
  }

  int status() {
    return status;
  }

  /** The Retry-After header, or null. */
  String retryAfter() {
    return retryAfter;
  }

  /** The body, at most {@link ErrorMapper#MAX_BODY_CHARS} characters; empty when there was none. */
  String body() {
    return body;
  }
}
