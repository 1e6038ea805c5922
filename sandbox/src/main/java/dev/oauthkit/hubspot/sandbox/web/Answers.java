package dev.oauthkit.hubspot.sandbox.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every JSON answer of the sandbox's HTTP layer, success or Error, with the same headers:
 * the status, {@code Content-Type: application/json}, {@code Cache-Control: no-store}, the
 * correlation id and a {@code Content-Length}. Absent optional fields are left out.
 */
public final class Answers {

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .changeDefaultPropertyInclusion(
              incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
          .build();

  private Answers() {}

  /** The Error body as JSON bytes. */
  public static byte[] toJson(ApiError error, UUID correlationId) {
    return JSON.writeValueAsBytes(error.toBody(correlationId));
  }

  /**
   * Resets the response and writes the error with its status, headers (its own, such as {@code
   * Retry-After}, too) and JSON body.
   */
  public static void error(HttpServletResponse response, ApiError error, UUID correlationId)
      throws IOException {
    error(response, error, correlationId, Map.of());
  }

  /** As {@link #error(HttpServletResponse, ApiError, UUID)}, with extra headers (e.g. Allow). */
  public static void error(
      HttpServletResponse response, ApiError error, UUID correlationId, Map<String, String> headers)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    headers.forEach(response::setHeader);
    error.headers().forEach(response::setHeader);
    write(response, error.httpStatus(), toJson(error, correlationId), correlationId);
  }

  /** Writes an operation's answer: its status and headers, and its body (if any) as JSON. */
  public static void entity(
      HttpServletResponse response, ResponseEntity<?> entity, UUID correlationId)
      throws IOException {
    entity
        .getHeaders()
        .forEach((name, values) -> response.setHeader(name, String.join(", ", values)));
    Object body = entity.getBody();
    int status = entity.getStatusCode().value();
    if (body == null) {
      response.setStatus(status);
      response.setHeader(Correlation.HEADER, correlationId.toString());
      response.setContentLength(0);
      return;
    }
    write(response, status, JSON.writeValueAsBytes(body), correlationId);
  }

  /** Writes a complete JSON answer. */
  static void write(HttpServletResponse response, int status, byte[] body, UUID correlationId)
      throws IOException {
    response.setStatus(status);
    response.setHeader(Correlation.HEADER, correlationId.toString());
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
