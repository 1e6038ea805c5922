package dev.oauthkit.hubspot.sandbox.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an Error body straight to a servlet response, for errors found before Spring MVC runs
 * (body filter) or outside it (Tomcat's error report valve).
 */
public final class ErrorWriter {

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .changeDefaultPropertyInclusion(
              incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
          .build();

  private ErrorWriter() {}

  /** The Error body as JSON bytes. */
  public static byte[] toJson(ApiError error, UUID correlationId) {
    return JSON.writeValueAsBytes(error.toBody(correlationId));
  }

  /** Resets the response and writes the error with its status, headers and JSON body. */
  public static void write(HttpServletResponse response, ApiError error, UUID correlationId)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    byte[] body = toJson(error, correlationId);
    response.setStatus(error.httpStatus());
    response.setHeader(Correlation.HEADER, correlationId.toString());
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
  }
}
