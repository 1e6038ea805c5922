package dev.oauthkit.hubspot.spec.changes;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Makes a document self-contained before it is compared: a path item that {@code $ref}s another
 * document of the same set ({@code /token: {$ref: 'hubspot-oauth-<earlier>.yaml#/paths/~1token'}})
 * is replaced by that path item, and the other document's components, which its local {@code $ref}s
 * name, are added to this one's. A document without such a path item is returned unchanged.
 */
final class Bundler {

  private static final ObjectMapper YAML = YAMLMapper.builder().build();

  private final Function<String, String> texts;
  private final Set<String> open = new HashSet<>();
  private boolean changed;

  private Bundler(Function<String, String> texts) {
    this.texts = Objects.requireNonNull(texts, "texts");
  }

  /**
   * The document {@code name}, with every path item that refers to another document inlined.
   *
   * @param texts the text of each document of the set by file name, or null if there is none
   */
  static String bundled(String name, Function<String, String> texts) {
    Objects.requireNonNull(name, "name");
    String text = texts.apply(name);
    if (text == null) {
      return null;
    }
    Bundler bundler = new Bundler(texts);
    ObjectNode root = bundler.tree(name);
    return bundler.changed ? write(root) : text;
  }

  /** The YAML tree of a document's text. */
  static JsonNode read(String text) {
    try {
      return YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("text does not parse as YAML: " + e.getOriginalMessage());
    }
  }

  private ObjectNode tree(String name) {
    if (!open.add(name)) {
      throw new IllegalArgumentException("name " + name + ": its path items refer back to it");
    }
    String text = texts.apply(name);
    if (text == null) {
      throw new IllegalArgumentException("name " + name + ": no such document in the set");
    }
    if (!(read(text) instanceof ObjectNode root)) {
      throw new IllegalArgumentException("name " + name + ": not a YAML mapping");
    }
    if (root.get("paths") instanceof ObjectNode paths) {
      for (String path : paths.properties().stream().map(Map.Entry::getKey).toList()) {
        String ref = paths.get(path).path("$ref").asText("");
        int hash = ref.indexOf('#');
        if (hash > 0) {
          String other = ref.startsWith("./") ? ref.substring(2, hash) : ref.substring(0, hash);
          paths.set(path, inline(name, root, other, ref.substring(hash + 1)));
        }
      }
    }
    open.remove(name);
    return root;
  }

  private JsonNode inline(String name, ObjectNode root, String other, String pointer) {
    ObjectNode source = tree(other);
    JsonNode item = source.at(JsonPointer.compile(pointer));
    if (item.isMissingNode()) {
      throw new IllegalArgumentException(
          "name " + name + ": $ref " + other + "#" + pointer + " points to nothing");
    }
    if (source.get("components") instanceof ObjectNode components) {
      ObjectNode own = root.withObjectProperty("components");
      for (Map.Entry<String, JsonNode> section : components.properties()) {
        for (Map.Entry<String, JsonNode> entry : section.getValue().properties()) {
          merge(name, own.withObjectProperty(section.getKey()), section, entry);
        }
      }
    }
    changed = true;
    return item.deepCopy();
  }

  private static void merge(
      String name,
      ObjectNode own,
      Map.Entry<String, JsonNode> section,
      Map.Entry<String, JsonNode> entry) {
    JsonNode existing = own.get(entry.getKey());
    if (existing == null) {
      own.set(entry.getKey(), entry.getValue().deepCopy());
    } else if (!existing.equals(entry.getValue())) {
      throw new IllegalArgumentException(
          "name "
              + name
              + ": components."
              + section.getKey()
              + "."
              + entry.getKey()
              + " differs from the one of the document its path items refer to");
    }
  }

  private static String write(JsonNode root) {
    try {
      return YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
