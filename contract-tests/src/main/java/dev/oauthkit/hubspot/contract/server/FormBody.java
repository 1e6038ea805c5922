package dev.oauthkit.hubspot.contract.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds {@code application/x-www-form-urlencoded} bodies, including deliberately broken ones. */
final class FormBody {

  /** The form media type. */
  static final String MEDIA_TYPE = "application/x-www-form-urlencoded";

  private final List<String> pairs = new ArrayList<>();

  private FormBody() {}

  static FormBody create() {
    return new FormBody();
  }

  static FormBody of(Map<String, String> fields) {
    FormBody body = new FormBody();
    fields.forEach(body::field);
    return body;
  }

  /** Adds a field, percent-encoded. */
  FormBody field(String name, String value) {
    pairs.add(encode(name) + "=" + encode(value));
    return this;
  }

  /** Adds text exactly as given, e.g. a malformed escape such as {@code code=%zz}. */
  FormBody raw(String pair) {
    pairs.add(pair);
    return this;
  }

  byte[] bytes() {
    return String.join("&", pairs).getBytes(StandardCharsets.UTF_8);
  }

  /** The field names, for secret-free descriptions. */
  String describe() {
    List<String> names = new ArrayList<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      names.add(name.length() > 24 ? name.substring(0, 24) + "..." : name);
    }
    return "form" + names;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
