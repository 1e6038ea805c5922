package dev.oauthkit.hubspot.contract.server;

import dev.oauthkit.hubspot.contract.spec.OperationContract;
import dev.oauthkit.hubspot.contract.spec.RequestField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Property-based inputs for one operation, from a seed: the same seed and operation give the same
 * requests, in the same order, on any JVM. Field names, enums and examples come from the
 * operation's request schema in the spec; values are boundary, missing, repeated, wrong-typed and
 * malformed. With a registered client, its values (e.g. its client_id) are mixed into the fields of
 * the same name, so that requests get past client authentication into the grant logic.
 */
final class GeneratedInputs {

  private static final List<String> BOUNDARY =
      List.of(
          "",
          " ",
          "null",
          "0",
          "-1",
          "2147483648",
          "1e309",
          "true",
          "[]",
          "{}",
          "../..",
          "\u0000",
          "\uFEFF",
          "https://",
          "javascript:alert(1)",
          "%00",
          "<html>");
  private static final List<String> MALFORMED_PAIRS =
      List.of("%", "%z", "%zz", "%%", "=", "&&", "a=%FF%FE", "%C3%28", "=x", "k=%0");
  private static final List<String> MALFORMED_PATHS =
      List.of("%", "%z", "%zz", "%%", "a%2", "%C3%28", "%00");
  private static final String SAFE_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";

  private final OperationContract operation;
  private final Map<String, String> known;
  private final SplittableRandom random;

  private GeneratedInputs(OperationContract operation, long seed, Map<String, String> known) {
    this.operation = operation;
    this.known = Map.copyOf(known);
    this.random = new SplittableRandom(seed ^ operation.operationId().hashCode() * 0x9E3779B9L);
  }

  /**
   * Inputs for this operation from this seed.
   *
   * @param known values of a registered client by field name (may be empty)
   */
  static GeneratedInputs of(OperationContract operation, long seed, Map<String, String> known) {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(known, "known");
    return new GeneratedInputs(operation, seed, known);
  }

  /** The next request. */
  GeneratedRequest next() {
    return operation.hasPathParameter() ? GeneratedRequest.path(pathValue()) : form();
  }

  private String pathValue() {
    if (random.nextInt(10) < 9) {
      String value = value(operation.pathExample());
      return GeneratedRequest.Field.encode(value.isEmpty() ? "a" : value);
    }
    return pick(MALFORMED_PATHS);
  }

  private GeneratedRequest form() {
    String contentType = contentType();
    List<GeneratedRequest.Field> fields = new ArrayList<>();
    for (RequestField field : operation.requestFields()) {
      int roll = random.nextInt(10);
      int times = roll < 2 ? 0 : roll < 9 ? 1 : 2; // missing 20%, once 70%, repeated 10%
      for (int i = 0; i < times; i++) {
        fields.add(field(field));
      }
    }
    if (random.nextInt(10) == 0) {
      fields.add(GeneratedRequest.Field.raw(pick(MALFORMED_PAIRS)));
    }
    return GeneratedRequest.form(contentType, fields);
  }

  private GeneratedRequest.Field field(RequestField field) {
    // Every branch is drawn whether or not it is used, so that a run without a registered client
    // draws the same sequence as one with it.
    boolean useKnown = random.nextBoolean();
    String value = field.enumValues().isEmpty() ? value(field.example()) : enumValue(field);
    String knownValue = known.get(field.name());
    return useKnown && knownValue != null
        ? GeneratedRequest.Field.known(field.name(), knownValue)
        : GeneratedRequest.Field.encoded(field.name(), value);
  }

  /** A documented value 60%, a near miss 20%, anything 20%. */
  private String enumValue(RequestField field) {
    int roll = random.nextInt(10);
    String documented = pick(field.enumValues());
    if (roll < 6) {
      return documented;
    }
    if (roll < 8) {
      return switch (random.nextInt(4)) {
        case 0 -> documented.toUpperCase(Locale.ROOT);
        case 1 -> documented + " ";
        case 2 -> documented.substring(0, documented.length() - 1);
        default -> "";
      };
    }
    return value(field.example());
  }

  private String contentType() {
    String form = operation.requestMediaType();
    if (random.nextInt(10) < 8) {
      return form;
    }
    String other =
        pick(
            List.of(
                form + "; charset=UTF-8",
                "application/json",
                "text/plain",
                "application/xml",
                "multipart/form-data; boundary=x",
                form + "; charset=bogus",
                "*/*",
                ""));
    return other.isEmpty() ? null : other;
  }

  /** Any value: plain, any Unicode, ASCII with controls, boundary, or very long. */
  private String value(String example) {
    int roll = random.nextInt(10);
    if (roll < 3) {
      return chars(SAFE_CHARS, random.nextInt(81));
    }
    if (roll < 5) {
      return unicode(1 + random.nextInt(40));
    }
    if (roll < 7) {
      return ascii(random.nextInt(21));
    }
    if (roll < 9) {
      int index = random.nextInt(BOUNDARY.size() + 1);
      return index < BOUNDARY.size() || example == null
          ? BOUNDARY.get(index % BOUNDARY.size())
          : example;
    }
    return chars("abcdefghijklmnopqrstuvwxyz", 500 + random.nextInt(2501));
  }

  private String chars(String alphabet, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private String ascii(int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append((char) random.nextInt(128));
    }
    return out.toString();
  }

  /** Printable ASCII, controls, Latin, CJK, emoji (surrogate pairs) and lone surrogates. */
  private String unicode(int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int roll = random.nextInt(20);
      if (roll < 10) {
        out.append((char) (0x20 + random.nextInt(0x5F)));
      } else if (roll < 12) {
        out.append((char) random.nextInt(0x20));
      } else if (roll < 15) {
        out.append((char) (0xA0 + random.nextInt(0x260)));
      } else if (roll < 17) {
        out.append((char) (0x4E00 + random.nextInt(0x5200)));
      } else if (roll < 19) {
        out.appendCodePoint(0x1F300 + random.nextInt(0x800));
      } else {
        out.append((char) (0xD800 + random.nextInt(0x800)));
      }
    }
    return out.toString();
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
