package dev.oauthkit.hubspot.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The spec's {@code components.examples}, read from the spec jar on the test classpath, so test
 * fixtures never drift from the spec.
 */
public final class SpecExamples {

  private static final String SPEC = "hubspot-oauth-v1.yaml";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNode EXAMPLES = load().path("components").path("examples");

  private SpecExamples() {}

  /** Returns the value of example {@code name}, as JSON text. */
  public static String json(String name) {
    try {
      return JSON.writeValueAsString(node(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the value of example {@code name} as a tree. */
  public static JsonNode node(String name) {
    JsonNode value = EXAMPLES.path(name).path("value");
    if (value.isMissingNode()) {
      throw new IllegalArgumentException("no example named " + name + " in " + SPEC);
    }
    return value.deepCopy();
  }

  /** Returns the value of a flat example (a form body) as field name to text. */
  public static Map<String, String> fields(String name) {
    Map<String, String> fields = new LinkedHashMap<>();
    node(name).fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asText()));
    return fields;
  }

  private static JsonNode load() {
    try (InputStream in = SpecExamples.class.getClassLoader().getResourceAsStream(SPEC)) {
      if (in == null) {
        throw new IllegalStateException(SPEC + " is not on the test classpath");
      }
      return new YAMLMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
