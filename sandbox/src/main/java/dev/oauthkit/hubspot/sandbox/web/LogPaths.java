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
    String[] segments = rawPath.split("/", -1);
    StringBuilder out = new StringBuilder(rawPath.length());
    String fingerprint = null;
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      if (i > 0) {
        out.append('/');
      }
      boolean tokenPosition =
          i > 0
              && (segments[i - 1].equals("access-tokens")
                  || segments[i - 1].equals("refresh-tokens"));
      if (!segment.isEmpty() && (tokenPosition || segment.length() > MAX_PLAIN_SEGMENT)) {
        String fp = Secrets.fingerprint(decode(segment));
        if (tokenPosition) {
          fingerprint = fp;
        }
        out.append("{fp:").append(fp).append('}');
      } else {
        out.append(segment.replaceAll("[^A-Za-z0-9._~-]", "?"));
      }
    }
    return new Safe(out.toString(), fingerprint);
  }

  private static String decode(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return segment;
    }
  }
}
