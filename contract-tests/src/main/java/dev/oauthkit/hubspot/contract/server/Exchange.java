package dev.oauthkit.hubspot.contract.server;

/**
 * One request sent to the server under test and what came back.
 *
 * @param request a secret-free description of the request, e.g. {@code POST /oauth/v1/token
 *     form[grant_type, client_id]}
 * @param status the response status, or -1 when no response arrived
 * @param contentType the response Content-Type header, or {@code null}
 * @param body the response body as text (empty when there was none)
 * @param failure why no response arrived, or {@code null}
 */
public record Exchange(
    String request, int status, String contentType, String body, String failure) {

  /** Whether a response arrived. */
  public boolean answered() {
    return status > 0;
  }
}
