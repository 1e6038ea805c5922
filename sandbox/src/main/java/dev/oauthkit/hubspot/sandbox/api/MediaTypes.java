package dev.oauthkit.hubspot.sandbox.api;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.MediaType;

/** Reads a request's Content-Type: its type and charset (UTF-8 when none is given). */
final class MediaTypes {

  private MediaTypes() {}

  /**
   * A parsed Content-Type.
   *
   * @param type {@code type/subtype}, lower case
   * @param charset the charset, or null when the named one is unknown
   */
  record Parsed(String type, Charset charset) {}

  /** The parsed header, or null when absent or unparsable. */
  static Parsed parse(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return null;
    }
    MediaType type;
    try {
      type = MediaType.parseMediaType(contentType.toLowerCase(Locale.ROOT));
    } catch (RuntimeException e) {
      return null;
    }
    Charset charset;
    try {
      charset = type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
    } catch (RuntimeException e) {
      charset = null;
    }
    return new Parsed(type.getType() + "/" + type.getSubtype(), charset);
  }
}
