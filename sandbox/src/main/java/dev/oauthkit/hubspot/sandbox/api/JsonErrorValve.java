package dev.oauthkit.hubspot.sandbox.api;

import dev.oauthkit.hubspot.sandbox.web.Answers;
import dev.oauthkit.hubspot.sandbox.web.ApiError;
import dev.oauthkit.hubspot.sandbox.web.Correlation;
import dev.oauthkit.hubspot.sandbox.web.Errors;
import dev.oauthkit.hubspot.sandbox.web.RequestLogFilter;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Replaces Tomcat's HTML error page: requests that never reach the filters (an unparsable request
 * line, a header too large or with a control character, bad chunking, {@code CONNECT}) still get a
 * JSON Error body, a correlation id and one log line with the status actually sent. A client's
 * mistake is a 4xx (400, 414, 431; 501 for {@code CONNECT}), never a 500; on a HubSpot operation's
 * path the error is the one that operation documents ({@link HubSpotOperation#documented}).
 */
public final class JsonErrorValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    boolean seenByFilters = Correlation.peek(request) != null;
    UUID correlationId = correlationId(request);
    ApiError error = documented(errorFor(request, status, throwable), path(request));
    try {
      response.reset();
      byte[] body = Answers.toJson(error, correlationId);
      response.setStatus(error.httpStatus());
      response.setHeader(Correlation.HEADER, correlationId.toString());
      response.setHeader("Cache-Control", "no-store");
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
      response.finishResponse();
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response is committed; nothing more to say
    }
    if (!seenByFilters) {
      RequestLogFilter.log(
          orDash(method(request)), path(request), response.getStatus(), correlationId);
    }
  }

  /** The documented answer for what Tomcat saw; only the sandbox's own failures are 500. */
  static ApiError errorFor(Request request, int status, Throwable throwable) {
    if ("CONNECT".equals(method(request))) {
      return Errors.notImplemented();
    }
    if (status == 501) {
      // Tomcat's answer to a transfer coding it does not know: the client's mistake, 400.
      return Errors.unsupportedTransferCoding();
    }
    String message = throwable == null ? "" : String.valueOf(throwable.getMessage());
    if (message.toLowerCase(Locale.ROOT).contains("too large")) {
      String uri = request.getRequestURI();
      return uri == null || uri.isEmpty() ? Errors.uriTooLong() : Errors.headersTooLarge();
    }
    return switch (status) {
      case 404 -> Errors.notFound();
      case 405 -> Errors.methodNotAllowed();
      case 408 -> Errors.requestTimeout();
      case 414 -> Errors.uriTooLong();
      case 431 -> Errors.headersTooLarge();
      case 505 -> Errors.malformedHttp();
      case 401 -> Errors.invalidToken();
      default ->
          status >= 500 && !parseError(throwable) ? Errors.internal() : Errors.malformedHttp();
    };
  }

  private static ApiError documented(ApiError error, String path) {
    // Only v1 operations document errors differently (path tokens); no date version is needed.
    return HubSpotOperation.route(path, List.of())
        .map(HubSpotOperation.Route::operations)
        .filter(ops -> !ops.isEmpty())
        .map(ops -> ops.get(0).documented(error))
        .orElse(error);
  }

  /** Whether Tomcat failed on the client's bytes (request line, headers, chunks). */
  private static boolean parseError(Throwable throwable) {
    return throwable instanceof IllegalArgumentException || throwable instanceof IOException;
  }

  private static String method(Request request) {
    try {
      return request.getMethod();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String orDash(String value) {
    return value == null || value.isEmpty() ? "-" : value;
  }

  private static String path(Request request) {
    try {
      String uri = request.getRequestURI();
      return uri == null || uri.isEmpty() ? "-" : uri;
    } catch (RuntimeException e) {
      return "-";
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
