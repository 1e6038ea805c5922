package dev.oauthkit.hubspot.sandbox.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A strict {@code application/x-www-form-urlencoded} parser: bad percent escapes, bytes that are
 * not valid in the charset, and repeated parameters (RFC 6749 section 3.2) are errors, reported
 * with the name of the field at fault and never with its value.
 */
public final class FormParser {

  private static final Set<Charset> ASCII_COMPATIBLE =
      Set.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1, StandardCharsets.US_ASCII);

  private FormParser() {}

  /** A form that cannot be used; {@link #field()} names the parameter, if known. */
  public static final class FormException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String field;

    FormException(String message, String field) {
      super(message, null, false, false);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /** Parses a form body into name -> value, in order. */
  public static Map<String, String> parse(byte[] body, Charset charset) throws FormException {
    if (body == null || charset == null) {
      throw new IllegalArgumentException("body and charset must not be null");
    }
    Map<String, String> params = new LinkedHashMap<>();
    int start = 0;
    for (int i = 0; i <= body.length; i++) {
      if (i == body.length || body[i] == '&') {
        if (i > start) {
          addPair(body, start, i, charset, params);
        }
        start = i + 1;
      }
    }
    return params;
  }

  /**
   * Parses a query or form into name -> values, in order, allowing repeated names (the caller
   * decides whether a repeat is an error). Escapes and charset are as strict as {@link #parse}.
   */
  public static Map<String, List<String>> parseAll(byte[] body, Charset charset)
      throws FormException {
    if (body == null || charset == null) {
      throw new IllegalArgumentException("body and charset must not be null");
    }
    Map<String, List<String>> params = new LinkedHashMap<>();
    int start = 0;
    for (int i = 0; i <= body.length; i++) {
      if (i == body.length || body[i] == '&') {
        if (i > start) {
          int eq = start;
          while (eq < i && body[eq] != '=') {
            eq++;
          }
          String name = decode(body, start, eq, charset, null);
          String value = eq < i ? decode(body, eq + 1, i, charset, name) : "";
          params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        start = i + 1;
      }
    }
    return params;
  }

  private static void addPair(
      byte[] body, int start, int end, Charset charset, Map<String, String> params)
      throws FormException {
    int eq = start;
    while (eq < end && body[eq] != '=') {
      eq++;
    }
    String name = decode(body, start, eq, charset, null);
    String value = eq < end ? decode(body, eq + 1, end, charset, name) : "";
    if (name.isEmpty()) {
      throw new FormException("form parameter without a name", null);
    }
    if (params.putIfAbsent(name, value) != null) {
      throw new FormException("parameter " + safeName(name) + " is repeated", safeName(name));
    }
  }

  /**
   * Decodes a path segment as strictly as a form value, but with {@code +} kept as itself: bad
   * escapes, non-ASCII characters and bytes that are not UTF-8 give null.
   */
  public static String decodePathSegment(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    byte[] bytes = raw.getBytes(StandardCharsets.ISO_8859_1);
    for (byte b : bytes) {
      if (b < 0) {
        return null;
      }
    }
    try {
      return decode(bytes, 0, bytes.length, StandardCharsets.UTF_8, null, false);
    } catch (FormException e) {
      return null;
    }
  }

  private static String decode(byte[] body, int start, int end, Charset charset, String field)
      throws FormException {
    return decode(body, start, end, charset, field, true);
  }

  private static String decode(
      byte[] body, int start, int end, Charset charset, String field, boolean plusIsSpace)
      throws FormException {
    if (isPlainAscii(body, start, end, charset)) {
      return new String(body, start, end - start, StandardCharsets.ISO_8859_1);
    }
    byte[] bytes = new byte[end - start];
    int n = 0;
    for (int i = start; i < end; i++) {
      byte b = body[i];
      if (b == '+' && plusIsSpace) {
        bytes[n++] = ' ';
      } else if (b == '%') {
        if (i + 2 >= end) {
          throw new FormException("bad percent-encoding", safeName(field));
        }
        int hi = Character.digit(body[i + 1], 16);
        int lo = Character.digit(body[i + 2], 16);
        if (hi < 0 || lo < 0) {
          throw new FormException("bad percent-encoding", safeName(field));
        }
        bytes[n++] = (byte) ((hi << 4) | lo);
        i += 2;
      } else {
        bytes[n++] = b;
      }
    }
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, n))
          .toString();
    } catch (CharacterCodingException e) {
      throw new FormException("form is not valid " + charset.name(), safeName(field));
    }
  }

  /**
   * Whether the bytes are ASCII with nothing to decode ({@code %}, {@code +}) in a charset that
   * reads ASCII as itself: the common case, taken without a decoder (the token hot path).
   */
  private static boolean isPlainAscii(byte[] body, int start, int end, Charset charset) {
    if (!ASCII_COMPATIBLE.contains(charset)) {
      return false;
    }
    for (int i = start; i < end; i++) {
      byte b = body[i];
      if (b < 0 || b == '%' || b == '+') {
        return false;
      }
    }
    return true;
  }

  /** A parameter name fit for an error message: printable ASCII, at most 40 characters. */
  private static String safeName(String name) {
    if (name == null) {
      return null;
    }
    String printable = name.replaceAll("[^A-Za-z0-9_.-]", "?");
    return printable.length() > 40 ? printable.substring(0, 40) : printable;
  }
}
