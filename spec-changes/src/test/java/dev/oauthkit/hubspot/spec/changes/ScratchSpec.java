package dev.oauthkit.hubspot.spec.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * In-memory copies of a packaged spec document (or test fixture) with one edit, for testing the
 * gate.
 */
final class ScratchSpec {

  static final String HUBSPOT = "hubspot-oauth-v1.yaml";

  private static final ObjectMapper YAML = YAMLMapper.builder().build();

  private ScratchSpec() {}

  /** The packaged document's text. */
  static String packaged(String name) {
    try (InputStream in = ScratchSpec.class.getClassLoader().getResourceAsStream(name)) {
      Objects.requireNonNull(in, name + " is not on the classpath");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The packaged document after {@code edit} changed its tree. */
  static String edited(String name, Consumer<ObjectNode> edit) {
    ObjectNode root = (ObjectNode) Bundler.read(packaged(name));
    edit.accept(root);
    try {
      return YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The object at a JSON pointer, e.g. {@code /components/schemas/Error}. */
  static ObjectNode object(ObjectNode root, String pointer) {
    JsonNode node = root.at(pointer);
    if (!(node instanceof ObjectNode object)) {
      throw new IllegalArgumentException("pointer " + pointer + ": not an object");
    }
    return object;
  }

  /** Removes a property and its entry in {@code required}, if any. */
  static void removeField(ObjectNode root, String schema, String field) {
    ObjectNode object = object(root, "/components/schemas/" + schema);
    object(root, "/components/schemas/" + schema + "/properties").remove(field);
    if (object.get("required") instanceof ArrayNode required) {
      for (int i = required.size() - 1; i >= 0; i--) {
        if (required.get(i).asText().equals(field)) {
          required.remove(i);
        }
      }
    }
  }

  /** Adds a string property, optionally required. */
  static void addField(ObjectNode root, String schema, String field, boolean required) {
    object(root, "/components/schemas/" + schema + "/properties")
        .putObject(field)
        .put("type", "string");
    if (required) {
      ((ArrayNode) object(root, "/components/schemas/" + schema).get("required")).add(field);
    }
  }
}
