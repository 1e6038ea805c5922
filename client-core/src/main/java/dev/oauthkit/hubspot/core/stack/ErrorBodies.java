package dev.oauthkit.hubspot.core.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oauthkit.hubspot.core.HubSpotOAuthException;
import dev.oauthkit.hubspot.core.OAuthErrorDetail;
import dev.oauthkit.hubspot.core.RetryAfter;
import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.util.Collection;

/**
 * Reads the body of a non-2xx answer and maps it to a {@link HubSpotOAuthException}: the fields of
 * the spec's {@code Error} body when it is a JSON object, otherwise the start of the raw body.
 */
public final class ErrorBodies {

  /** How much of an error body is read at most; the rest is never read. */
  public static final int MAX_BODY_CHARS = 64 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private ErrorBodies() {}

  /**
   * Reads at most {@link #MAX_BODY_CHARS} characters and closes {@code reader}.
   *
   * @param reader the body, or {@code null} when there is none
   * @return the text read; empty when there was no body or it could not be read
   */
  public static String read(Reader reader) {
    if (reader == null) {
      return "";
    }
    try (reader) {
      char[] buffer = new char[MAX_BODY_CHARS];
      int length = 0;
      int n;
      while (length < buffer.length
          && (n = reader.read(buffer, length, buffer.length - length)) > 0) {
        length += n;
      }
      return new String(buffer, 0, length);
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * Maps a non-2xx answer to the exception the facade throws.
   *
   * @param operation the spec's operationId
   * @param status the HTTP status
   * @param retryAfterHeader the Retry-After header, or {@code null}
   * @param bodyText the body text, or {@code null}; only its first {@link #MAX_BODY_CHARS}
   *     characters are looked at
   * @param secrets the secrets the request carried, redacted from all server text
   * @param clock the clock a Retry-After date is measured against
   * @return the exception
   */
  public static HubSpotOAuthException toException(
      String operation,
      int status,
      String retryAfterHeader,
      String bodyText,
      Collection<String> secrets,
      Clock clock) {
    HubSpotOAuthException.Builder builder =
        HubSpotOAuthException.builder(operation, status)
            .retryAfter(RetryAfter.parse(retryAfterHeader, clock).orElse(null))
            .redacting(secrets);
    String body = capped(bodyText);
    JsonNode json = parse(body);
    if (json == null || !json.isObject()) {
      return builder.bodyExcerpt(body.isEmpty() ? null : body).build();
    }
    builder
        .body(
            text(json, "category"),
            text(json, "subCategory"),
            text(json, "status"),
            text(json, "correlationId"),
            text(json, "message"))
        .oauthError(text(json, "error"), text(json, "error_description"));
    for (JsonNode detail : json.path("errors")) {
      builder.addError(
          OAuthErrorDetail.of(
              text(detail, "message"),
              text(detail, "code"),
              text(detail, "subCategory"),
              text(detail, "in")));
    }
    return builder.build();
  }

  /** {@code body} cut to {@link #MAX_BODY_CHARS} characters; empty for {@code null}. */
  static String capped(String body) {
    if (body == null) {
      return "";
    }
    return body.length() > MAX_BODY_CHARS ? body.substring(0, MAX_BODY_CHARS) : body;
  }

  private static JsonNode parse(String body) {
    try {
      return body.isBlank() ? null : JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
