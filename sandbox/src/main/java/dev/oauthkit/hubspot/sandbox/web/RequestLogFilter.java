package dev.oauthkit.hubspot.sandbox.web;

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
 * one log line when it is done: method, path with tokens replaced by fingerprints, status,
 * milliseconds, correlation id and the fingerprint of the token involved. Never a secret. The line
 * is formatted and written by {@link RequestLog}, off the request thread.
 */
public final class RequestLogFilter implements Filter {

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    long start = System.nanoTime();
    UUID correlationId = Correlation.of(request);
    response.setHeader(Correlation.HEADER, correlationId.toString());
    try {
      chain.doFilter(request, response);
    } finally {
      if (RequestLog.enabled()) {
        RequestLog.submit(
            new RequestLog.Entry(
                request.getMethod(),
                request.getRequestURI(),
                response.getStatus(),
                (System.nanoTime() - start) / 1_000_000,
                correlationId,
                request.getAttribute(BodyFilter.FINGERPRINT_ATTRIBUTE)));
      }
    }
  }
}
