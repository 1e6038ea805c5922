package dev.oauthkit.hubspot.contract.report;

/**
 * The kind of answer an operation gave: enough to tell which of the spec's examples it matches.
 *
 * @param operationId the operation
 * @param status the HTTP status
 * @param hubSpotStatus the body's {@code status} field (e.g. {@code BAD_AUTH_CODE}), or null
 * @param category the body's {@code category} field, or null
 */
public record SeenAnswer(String operationId, int status, String hubSpotStatus, String category) {}
