package dev.oauthkit.hubspot.sandbox.web;

import dev.oauthkit.hubspot.sandbox.secret.Secrets;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;

/**
 * Reads every request body before Spring does: bodies over {@value #MAX_BODY_BYTES} bytes and
 * unusable forms (bad escapes, bad charset, repeated fields) get a 400 Error body here; usable ones
 * are replayed from memory. Also notes the fingerprint of a submitted code or refresh token for the
 * request log.
 */
public final class BodyFilter implements Filter {

  /** The largest body accepted: 64 KiB. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  /** Request attribute holding the fingerprint of the code or refresh token in a form. */
  public static final String FINGERPRINT_ATTRIBUTE = BodyFilter.class.getName() + ".fingerprint";

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    String method = request.getMethod();
    if (!"POST".equals(method) && !"PUT".equals(method) && !"PATCH".equals(method)) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      reject(request, response, "request body is larger than " + MAX_BODY_BYTES + " bytes", null);
      return;
    }
    byte[] body;
    try {
      body = readAtMost(request.getInputStream(), MAX_BODY_BYTES + 1);
    } catch (IOException e) {
      reject(request, response, "request body could not be read", null);
      return;
    }
    if (body.length > MAX_BODY_BYTES) {
      reject(request, response, "request body is larger than " + MAX_BODY_BYTES + " bytes", null);
      return;
    }
    Map<String, String> form = null;
    MediaType type = mediaType(request.getContentType());
    if (type != null && MediaType.APPLICATION_FORM_URLENCODED.includes(type)) {
      Charset charset;
      try {
        charset = type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        reject(request, response, "unsupported charset", null);
        return;
      }
      try {
        form = FormParser.parse(body, charset);
      } catch (FormParser.FormException e) {
        reject(request, response, e.getMessage(), e.field());
        return;
      }
      String credential = form.get("refresh_token");
      if (credential == null || credential.isEmpty()) {
        credential = form.get("code");
      }
      if (credential != null && !credential.isEmpty()) {
        request.setAttribute(FINGERPRINT_ATTRIBUTE, Secrets.fingerprint(credential));
      }
    }
    chain.doFilter(new BufferedRequest(request, body, form), response);
  }

  private static MediaType mediaType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return null;
    }
    try {
      return MediaType.parseMediaType(contentType.toLowerCase(Locale.ROOT));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    return in.readNBytes(limit);
  }

  private static void reject(
      HttpServletRequest request, HttpServletResponse response, String message, String field)
      throws IOException {
    ErrorWriter.write(response, Errors.invalidRequest(message, field), Correlation.of(request));
  }
}
