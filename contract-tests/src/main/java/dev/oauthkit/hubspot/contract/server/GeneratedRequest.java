package dev.oauthkit.hubspot.contract.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One property-based request: for an operation with a path parameter, the already-encoded path
 * value; for one with a form body, its Content-Type and fields in wire order. Immutable, so the
 * shrinker can derive smaller variants.
 *
 * @param pathValue the path parameter as it goes on the wire, or {@code null}
 * @param contentType the request Content-Type, or {@code null} for none
 * @param fields the form fields in wire order; empty for a request without a body
 */
record GeneratedRequest(String pathValue, String contentType, List<Field> fields) {

  /** Smaller first: fewer fields, then a shorter wire form, then the ordinary Content-Type. */
  static Comparator<GeneratedRequest> bySize(String ordinaryContentType) {
    return Comparator.<GeneratedRequest>comparingInt(request -> request.fields().size())
        .thenComparingInt(GeneratedRequest::wireLength)
        .thenComparing(request -> !ordinaryContentType.equals(request.contentType()));
  }

  GeneratedRequest {
    fields = List.copyOf(fields);
  }

  static GeneratedRequest path(String encodedValue) {
    return new GeneratedRequest(encodedValue, null, List.of());
  }

  static GeneratedRequest form(String contentType, List<Field> fields) {
    return new GeneratedRequest(null, contentType, fields);
  }

  GeneratedRequest withContentType(String newContentType) {
    return new GeneratedRequest(pathValue, newContentType, fields);
  }

  GeneratedRequest withPathValue(String newPathValue) {
    return new GeneratedRequest(newPathValue, contentType, fields);
  }

  GeneratedRequest withoutField(int index) {
    List<Field> fewer = new ArrayList<>(fields);
    fewer.remove(index);
    return new GeneratedRequest(pathValue, contentType, fewer);
  }

  GeneratedRequest withField(int index, Field field) {
    List<Field> changed = new ArrayList<>(fields);
    changed.set(index, field);
    return new GeneratedRequest(pathValue, contentType, changed);
  }

  /** The form body as sent. */
  byte[] body() {
    return String.join("&", fields.stream().map(Field::wire).toList())
        .getBytes(StandardCharsets.UTF_8);
  }

  private int wireLength() {
    return (pathValue == null ? 0 : pathValue.length()) + body().length;
  }

  /** Secret-free, value-free description for case names, e.g. {@code form[grant_type, code]}. */
  String describe() {
    if (pathValue != null) {
      return "token of " + pathValue.length() + " chars";
    }
    List<String> names = new ArrayList<>();
    for (Field field : fields) {
      String name = field.kind() == Kind.RAW ? field.wire() : field.name();
      int eq = name.indexOf('=');
      name = eq < 0 ? name : name.substring(0, eq);
      names.add(name.length() > 24 ? name.substring(0, 24) + "..." : name);
    }
    return contentType + " form" + names;
  }

  /**
   * The whole request as it went on the wire, to reproduce it by hand; values of the registered
   * client (real credentials) are shown as {@code <registered client_id>} and so on.
   */
  String show(String method, String pathTemplate) {
    if (pathValue != null) {
      return method + " " + pathTemplate.replaceAll("\\{[^}]+}", "") + pathValue;
    }
    List<String> pairs = new ArrayList<>();
    for (Field field : fields) {
      pairs.add(
          field.kind() == Kind.KNOWN
              ? field.name() + "=<registered " + field.name() + ">"
              : field.wire());
    }
    return method
        + " "
        + pathTemplate
        + " Content-Type: "
        + (contentType == null ? "(none)" : contentType)
        + " body: "
        + (pairs.isEmpty() ? "(empty)" : String.join("&", pairs));
  }

  /** How a field's value was made. */
  enum Kind {
    /** A generated value, percent-encoded on the wire. */
    ENCODED,
    /** A value of the registered client, percent-encoded on the wire, masked in reports. */
    KNOWN,
    /** Text sent exactly as given (its {@code value} is the whole pair, e.g. {@code k=%0}). */
    RAW
  }

  /**
   * One form field.
   *
   * @param name the field name ({@code null} for a raw pair)
   * @param value the decoded value, or for a raw pair the pair as sent
   * @param kind how the value was made
   */
  record Field(String name, String value, Kind kind) {

    static Field encoded(String name, String value) {
      return new Field(name, value, Kind.ENCODED);
    }

    static Field known(String name, String value) {
      return new Field(name, value, Kind.KNOWN);
    }

    static Field raw(String pair) {
      return new Field(null, pair, Kind.RAW);
    }

    Field withValue(String newValue) {
      return new Field(name, newValue, kind == Kind.KNOWN ? Kind.ENCODED : kind);
    }

    String wire() {
      return kind == Kind.RAW ? value : encode(name) + "=" + encode(value);
    }

    @Override
    public String toString() {
      return kind == Kind.KNOWN ? "Field[" + name + "=<registered>]" : "Field[" + wire() + "]";
    }

    static String encode(String text) {
      return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
  }
}
