package dev.oauthkit.hubspot.contract.report;

/**
 * The kind of answer an operation gave: enough to tell which of the spec's examples it matches.
 *
 * @param version the operation's API version, e.g. {@code v1}
 * @param operationId the operation
 * @param status the HTTP status
 * @param hubSpotStatus the body's {@code status} field (e.g. {@code BAD_AUTH_CODE}), or null
 * @param category the body's {@code category} field, or null
 * @param error the body's RFC 6749 {@code error} field (e.g. {@code invalid_request}), or null
 * @param tokenUse the body's {@code token_use} field (e.g. {@code client_credentials}), or null
 * @param active the body's {@code active} field as text ({@code true}/{@code false}), or null
 */
public record SeenAnswer(
    String version,
    String operationId,
    int status,
    String hubSpotStatus,
    String category,
    String error,
    String tokenUse,
    String active) {

  /** An answer without RFC 6749, token_use or active fields (e.g. a v1 answer). */
  public SeenAnswer(
      String version, String operationId, int status, String hubSpotStatus, String category) {
    this(version, operationId, status, hubSpotStatus, category, null, null, null);
  }
}
