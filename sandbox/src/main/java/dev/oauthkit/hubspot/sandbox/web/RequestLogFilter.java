package dev.oauthkit.hubspot.sandbox.web;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;

/**
 * The outermost filter: gives the request its correlation id (also as a response header) and writes
 * one log line when it is done: method, path with tokens replaced by fingerprints, the status
 * actually sent, milliseconds, correlation id and the fingerprint of the token involved. Never a
 * secret. A request that went asynchronous (a body still arriving) is logged when it completes. The
 * line is formatted and written by {@link RequestLog}, off the request thread.
 */
public final class RequestLogFilter implements Filter {

  /** Request attribute holding the fingerprint of the code or refresh token in a form. */
  public static final String FINGERPRINT_ATTRIBUTE =
      RequestLogFilter.class.getName() + ".fingerprint";

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    long start = System.nanoTime();
    UUID correlationId = Correlation.of(request);
    response.setHeader(Correlation.HEADER, correlationId.toString());
    boolean async = false;
    try {
      chain.doFilter(request, response);
      if (request.isAsyncStarted()) {
        request.getAsyncContext().addListener(new LogWhenComplete(start));
        async = true;
      }
    } finally {
      if (!async) {
        log(request, response, start);
      }
    }
  }

  /** Queues the request's line, if request lines are logged. */
  static void log(HttpServletRequest request, HttpServletResponse response, long startNanos) {
    if (RequestLog.enabled()) {
      RequestLog.submit(
          new RequestLog.Entry(
              request.getMethod(),
              request.getRequestURI(),
              response.getStatus(),
              (System.nanoTime() - startNanos) / 1_000_000,
              Correlation.of(request),
              request.getAttribute(FINGERPRINT_ATTRIBUTE)));
    }
  }

  /** Queues the line of a request that never reached the filters (Tomcat refused it). */
  public static void log(String method, String rawPath, int status, UUID correlationId) {
    if (RequestLog.enabled()) {
      RequestLog.submit(new RequestLog.Entry(method, rawPath, status, 0, correlationId, null));
    }
  }

  private record LogWhenComplete(long start) implements AsyncListener {

    @Override
    public void onComplete(AsyncEvent event) {
      log(
          (HttpServletRequest) event.getSuppliedRequest(),
          (HttpServletResponse) event.getSuppliedResponse(),
          start);
    }

    @Override
    public void onTimeout(AsyncEvent event) {}

    @Override
    public void onError(AsyncEvent event) {}

    @Override
    public void onStartAsync(AsyncEvent event) {}
  }
}
