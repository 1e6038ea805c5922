package dev.oauthkit.hubspot.sandbox.web;

import dev.oauthkit.hubspot.sandbox.secret.Secrets;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Makes a request path safe to log: the token of a metadata or revoke path, and any other long
 * segment that might be a mistyped token, become {@code {fp:xxxxxxxx}}.
 */
public final class LogPaths {

  private static final int MAX_PLAIN_SEGMENT = 24;

  private LogPaths() {}

  /**
   * The path to log and the fingerprint of the token it carried.
   *
   * @param path the loggable path
   * @param fingerprint the token's fingerprint, or {@code null}
   */
  public record Safe(String path, String fingerprint) {}

  /** Sanitizes a raw (still percent-encoded) request URI without its query. */
  public static Safe sanitize(String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return new Safe("/", null);
    }
    StringBuilder out = new StringBuilder(rawPath.length());
    String fingerprint = null;
    boolean tokenPosition = false;
    int start = 0;
    while (true) {
      int end = rawPath.indexOf('/', start);
      String segment = rawPath.substring(start, end < 0 ? rawPath.length() : end);
      if (!segment.isEmpty() && (tokenPosition || segment.length() > MAX_PLAIN_SEGMENT)) {
        String fp = Secrets.fingerprint(decode(segment));
        if (tokenPosition) {
          fingerprint = fp;
        }
        out.append("{fp:").append(fp).append('}');
      } else {
        appendPlain(out, segment);
      }
      if (end < 0) {
        return new Safe(out.toString(), fingerprint);
      }
      out.append('/');
      tokenPosition = segment.equals("access-tokens") || segment.equals("refresh-tokens");
      start = end + 1;
    }
  }

  /** Appends a short segment with every character outside {@code [A-Za-z0-9._~-]} as '?'. */
  private static void appendPlain(StringBuilder out, String segment) {
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '~'
              || c == '-';
      out.append(plain ? c : '?');
    }
  }

  private static String decode(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return segment;
    }
  }
}
