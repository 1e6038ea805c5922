package dev.oauthkit.hubspot.sandbox.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request whose body was read (and bounded) already: the body is replayed from memory and, for a
 * form, the parameters are the strictly parsed form fields only.
 */
final class BufferedRequest extends HttpServletRequestWrapper {

  private final byte[] body;
  private final Map<String, String> form;

  BufferedRequest(HttpServletRequest request, byte[] body, Map<String, String> form) {
    super(request);
    this.body = body;
    this.form = form;
  }

  /** Whether the body was a strictly parsed form (then the parameters are its fields only). */
  boolean hasForm() {
    return form != null;
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return in.read(b, off, len);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        // The whole body is already in memory: it is available at once, then complete.
        java.util.Objects.requireNonNull(listener, "listener");
        try {
          if (!isFinished()) {
            listener.onDataAvailable();
          }
          listener.onAllDataRead();
        } catch (java.io.IOException e) {
          listener.onError(e);
        }
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(
        new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }

  @Override
  public String getParameter(String name) {
    return form == null ? super.getParameter(name) : form.get(name);
  }

  @Override
  public Map<String, String[]> getParameterMap() {
    if (form == null) {
      return super.getParameterMap();
    }
    Map<String, String[]> map = new LinkedHashMap<>();
    form.forEach((name, value) -> map.put(name, new String[] {value}));
    return Collections.unmodifiableMap(map);
  }

  @Override
  public Enumeration<String> getParameterNames() {
    return form == null ? super.getParameterNames() : Collections.enumeration(form.keySet());
  }

  @Override
  public String[] getParameterValues(String name) {
    if (form == null) {
      return super.getParameterValues(name);
    }
    String value = form.get(name);
    return value == null ? null : new String[] {value};
  }
}
