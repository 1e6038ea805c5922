package dev.oauthkit.hubspot.sandbox.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Replaces Tomcat's HTML error page: errors that never reach Spring MVC (a malformed URI, an
 * exception escaping a filter) still get a JSON Error body and a correlation id.
 */
public final class JsonErrorValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    ApiError error = ErrorAdvice.documented(errorFor(status, throwable), path(request));
    UUID correlationId = correlationId(request);
    try {
      response.reset();
      byte[] body = ErrorWriter.toJson(error, correlationId);
      response.setStatus(error.httpStatus());
      response.setHeader(Correlation.HEADER, correlationId.toString());
      response.setHeader("Cache-Control", "no-store");
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
      response.finishResponse();
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response is committed; nothing more to say
    }
  }

  private static ApiError errorFor(int status, Throwable throwable) {
    if (throwable != null || status >= 500) {
      return Errors.internal();
    }
    return switch (status) {
      case 404 -> Errors.notFound();
      case 405 -> Errors.methodNotAllowed();
      case 401 -> Errors.invalidToken();
      default -> Errors.invalidRequest("bad request", null);
    };
  }

  private static String path(Request request) {
    try {
      String uri = request.getRequestURI();
      return uri == null ? "/" : uri;
    } catch (RuntimeException e) {
      return "/";
    }
  }

  private static UUID correlationId(Request request) {
    try {
      return Correlation.of(request);
    } catch (RuntimeException e) {
      return Correlation.newId();
    }
  }
}
