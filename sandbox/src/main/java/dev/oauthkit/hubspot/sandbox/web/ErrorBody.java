package dev.oauthkit.hubspot.sandbox.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code Error} object every HubSpot document (v1 and the date versions) and the admin API
 * define alike, as the sandbox writes it: one type for every version, so no version's generated
 * model decides another's answers. The contract tests validate each answer against the document of
 * the operation that gave it. Null fields are left out by the writers.
 *
 * @param category HubSpot's category, e.g. {@code VALIDATION_ERROR}
 * @param correlationId the request's correlation id
 * @param message what went wrong; never a submitted value
 * @param subCategory HubSpot's sub-category, or null
 * @param status HubSpot's OAuth status, e.g. {@code BAD_AUTH_CODE}, or null
 * @param error the RFC 6749 error code, or null
 * @param errorDescription the RFC 6749 description (the message), or null
 * @param errors the missing or invalid fields, or null
 */
public record ErrorBody(
    String category,
    UUID correlationId,
    String message,
    String subCategory,
    String status,
    String error,
    @JsonProperty("error_description") String errorDescription,
    List<Detail> errors) {

  /**
   * One missing or invalid field.
   *
   * @param message what is wrong
   * @param code {@code MISSING_REQUIRED_FIELD} or {@code INVALID_PARAMETER}
   * @param in where the field is: body, path, query or header
   * @param context {@code missingFields} or {@code invalidFields}, naming the field
   */
  public record Detail(String message, String code, String in, Map<String, List<String>> context) {}
}
