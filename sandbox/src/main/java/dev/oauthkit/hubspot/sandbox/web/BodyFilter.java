package dev.oauthkit.hubspot.sandbox.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads every request body, whatever the method, before anything else looks at it, and never with a
 * request thread waiting on the network: what already arrived is taken at once; the rest is read
 * with non-blocking I/O (a {@link ReadListener}) and the request continues (an async dispatch) when
 * it is complete. A body must arrive whole within {@link #BODY_DEADLINE_MILLIS}: a slow or stalled
 * one is answered {@code 408} with the JSON Error body. Bodies over {@value #MAX_BODY_BYTES} bytes
 * are not read. The result is a {@link Body} attribute; under {@code /oauth/} the one request path
 * decides how to answer an unusable body, elsewhere this filter answers 400.
 */
public final class BodyFilter implements Filter {

  /** The largest body accepted: 64 KiB. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  /**
   * The time a body has to arrive, counted from the start of the request: 8 s, so the 408 is sent a
   * second or more before Tomcat's own 10 s read timeout (its asynchronous timeout check runs each
   * second).
   */
  public static final long BODY_DEADLINE_MILLIS = 8_000;

  private static final String STARTED = BodyFilter.class.getName() + ".started";

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    if (request.getDispatcherType() == DispatcherType.ASYNC) {
      proceed(request, response, chain, Body.of(request));
      return;
    }
    long length = request.getContentLengthLong();
    boolean chunked = request.getHeader("Transfer-Encoding") != null;
    if (length <= 0 && !chunked) {
      proceed(request, response, chain, Body.EMPTY);
      return;
    }
    if (length > MAX_BODY_BYTES) {
      proceed(request, response, chain, tooLarge());
      return;
    }
    request.setAttribute(STARTED, System.nanoTime());
    Reader reader = new Reader(request.getInputStream(), length);
    Body body;
    try {
      body = reader.readAvailable();
    } catch (IOException e) {
      body = Body.unusable("request body could not be read");
    }
    if (body != null) {
      proceed(request, response, chain, body);
      return;
    }
    readAsync(request, response, reader);
  }

  /**
   * Goes on with the body read: the one path under /oauth/, a 400 for an unusable one elsewhere.
   */
  private static void proceed(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain, Body body)
      throws IOException, ServletException {
    body.attachTo(request);
    if (!body.usable() && !request.getRequestURI().startsWith("/oauth/")) {
      Answers.error(response, Errors.invalidRequest(body.problem(), null), Correlation.of(request));
      return;
    }
    chain.doFilter(
        body.bytes().length == 0 ? request : new BufferedRequest(request, body), response);
  }

  private static void readAsync(
      HttpServletRequest request, HttpServletResponse response, Reader reader) {
    AsyncContext async = request.startAsync(request, response);
    long elapsed = (System.nanoTime() - (long) request.getAttribute(STARTED)) / 1_000_000;
    async.setTimeout(Math.max(1, BODY_DEADLINE_MILLIS - elapsed));
    AtomicBoolean done = new AtomicBoolean();
    async.addListener(new TimeoutListener(done));
    reader.in.setReadListener(
        new ReadListener() {
          @Override
          public void onDataAvailable() throws IOException {
            Body body = reader.readReady();
            if (body != null) {
              finish(body);
            }
          }

          @Override
          public void onAllDataRead() {
            finish(reader.complete());
          }

          @Override
          public void onError(Throwable t) {
            finish(Body.unusable("request body could not be read"));
          }

          private void finish(Body body) {
            if (done.compareAndSet(false, true)) {
              body.attachTo(request);
              async.dispatch();
            }
          }
        });
  }

  private static Body tooLarge() {
    return Body.unusable("request body is larger than " + MAX_BODY_BYTES + " bytes");
  }

  /** Answers 408 when the body did not arrive in time. */
  private record TimeoutListener(AtomicBoolean done) implements AsyncListener {

    @Override
    public void onTimeout(AsyncEvent event) throws IOException {
      if (done.compareAndSet(false, true)) {
        HttpServletRequest request = (HttpServletRequest) event.getSuppliedRequest();
        HttpServletResponse response = (HttpServletResponse) event.getSuppliedResponse();
        response.setHeader("Connection", "close");
        Answers.error(response, Errors.requestTimeout(), Correlation.of(request));
        event.getAsyncContext().complete();
      }
    }

    @Override
    public void onComplete(AsyncEvent event) {}

    @Override
    public void onError(AsyncEvent event) {}

    @Override
    public void onStartAsync(AsyncEvent event) {}
  }

  /**
   * Collects the body: first what is already buffered, then in non-blocking callbacks. A body with
   * a Content-Length is read straight into an array of that size; a chunked one in 8 KiB steps.
   */
  private static final class Reader {
    private final ServletInputStream in;
    private final long length;
    private byte[] buffer;
    private int size;

    Reader(ServletInputStream in, long length) {
      this.in = in;
      this.length = length;
      this.buffer = new byte[length > 0 ? (int) length : 8192];
    }

    /** Reads what arrived already; the body when it is complete, else null. */
    Body readAvailable() throws IOException {
      while (in.available() > 0) {
        Body body = take();
        if (body != null) {
          return body;
        }
      }
      return null;
    }

    /** Reads in non-blocking mode; the body when complete or too large, else null. */
    Body readReady() throws IOException {
      while (in.isReady()) {
        Body body = take();
        if (body != null) {
          return body;
        }
      }
      return null;
    }

    Body complete() {
      return Body.of(size == buffer.length ? buffer : Arrays.copyOf(buffer, size));
    }

    private Body take() throws IOException {
      if (size == buffer.length) {
        if (length > 0 || size > MAX_BODY_BYTES) {
          return length > 0 ? complete() : tooLarge();
        }
        buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, MAX_BODY_BYTES + 1));
      }
      int n = in.read(buffer, size, buffer.length - size);
      if (n < 0) {
        return complete();
      }
      size += n;
      if (size > MAX_BODY_BYTES) {
        return tooLarge();
      }
      return length > 0 && size >= length ? complete() : null;
    }
  }
}
