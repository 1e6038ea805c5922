package dev.oauthkit.hubspot.core;

import java.util.Objects;

/**
 * A 2xx answer whose body the client could not use: a required field is missing, {@code null} or of
 * another type (or, with {@code strictReading}, any field is of another type), or the body is not
 * JSON. It names the operation and the JSON path of the field, for example {@code
 * getAccessTokenMetadata failed: response field $.hub_id is missing}; it never shows a field's
 * value, so it never shows a token. Not retryable.
 */
public final class HubSpotOAuthResponseException extends HubSpotOAuthException {

  private static final long serialVersionUID = 1L;

  /** The status reported by {@link #httpStatus()}: every body-bearing success answer is 200. */
  public static final int SUCCESS_STATUS = 200;

  private final String jsonPath;

  private HubSpotOAuthResponseException(String operation, String jsonPath, String problem) {
    super(
        operation,
        SUCCESS_STATUS,
        operation + " failed: response field " + jsonPath + " " + problem);
    this.jsonPath = jsonPath;
  }

  /**
   * Creates the exception.
   *
   * @param operation the spec's operationId
   * @param jsonPath the field, for example {@code $.hub_id}; {@code $} for the whole body
   * @param problem what is wrong, for example {@code is missing}; never the field's value
   * @return the exception
   */
  public static HubSpotOAuthResponseException of(
      String operation, String jsonPath, String problem) {
    return new HubSpotOAuthResponseException(
        operation,
        OAuthCredentials.requireText(jsonPath, "jsonPath"),
        Objects.requireNonNull(problem, "problem"));
  }

  /** Returns the JSON path of the field, for example {@code $.hub_id}; {@code $} for the body. */
  public String jsonPath() {
    return jsonPath;
  }
}
