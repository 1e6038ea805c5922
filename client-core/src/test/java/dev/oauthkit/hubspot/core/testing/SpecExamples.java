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
 * fixtures never drift from the spec. The static methods read the v1 document; {@link #V2026_03}
 * reads the 2026-03 one.
 */
public final class SpecExamples {

  /** The examples of {@code hubspot-oauth-v1.yaml}. */
  public static final Document V1 = new Document("hubspot-oauth-v1.yaml");

  /** The examples of {@code hubspot-oauth-2026-03.yaml}. */
  public static final Document DATED = new Document("hubspot-oauth-2026-03.yaml");

  private static final ObjectMapper JSON = new ObjectMapper();

  private SpecExamples() {}

  /** Returns the value of v1 example {@code name}, as JSON text. */
  public static String json(String name) {
    return V1.json(name);
  }

  /** Returns the value of v1 example {@code name} as a tree. */
  public static JsonNode node(String name) {
    return V1.node(name);
  }

  /** Returns the value of a flat v1 example (a form body) as field name to text. */
  public static Map<String, String> fields(String name) {
    return V1.fields(name);
  }

  /** The examples of one spec document. */
  public static final class Document {
    private final String spec;
    private final JsonNode examples;

    private Document(String spec) {
      this.spec = spec;
      this.examples = load(spec).path("components").path("examples");
    }

    /** Returns the value of example {@code name}, as JSON text. */
    public String json(String name) {
      try {
        return JSON.writeValueAsString(node(name));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Returns the value of example {@code name} as a tree. */
    public JsonNode node(String name) {
      JsonNode value = examples.path(name).path("value");
      if (value.isMissingNode()) {
        throw new IllegalArgumentException("no example named " + name + " in " + spec);
      }
      return value.deepCopy();
    }

    /** Returns the value of a flat example (a form body) as field name to text. */
    public Map<String, String> fields(String name) {
      Map<String, String> fields = new LinkedHashMap<>();
      node(name).fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asText()));
      return fields;
    }
  }

  private static JsonNode load(String spec) {
    try (InputStream in = SpecExamples.class.getClassLoader().getResourceAsStream(spec)) {
      if (in == null) {
        throw new IllegalStateException(spec + " is not on the test classpath");
      }
      return new YAMLMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
