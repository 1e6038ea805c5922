package dev.oauthkit.hubspot.contract.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * A document of the spec jar made self-contained: a date version with the shapes of an earlier one
 * is a short document whose path items {@code $ref} that document's ({@code hubspot-oauth-<earlier
 * version>.yaml#/paths/~1token}); here each such path item is replaced by the one it points to, and
 * the components of the document it comes from are added where the short document has none of its
 * own, so that every {@code #/components/...} inside resolves. Other documents are returned as they
 * are.
 */
final class DocumentBundle {

  private DocumentBundle() {}

  /** The named document of the class path, self-contained, as JSON or YAML text. */
  static String read(String resource) {
    String text = text(resource);
    JsonNode root = tree(text, resource);
    JsonNode paths = root.path("paths");
    if (!paths.isObject() || !hasExternalPathItem(paths)) {
      return text;
    }
    ObjectNode bundled = (ObjectNode) root;
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String ref = entry.getValue().path("$ref").asText("");
      int hash = ref.indexOf('#');
      if (hash <= 0) {
        continue;
      }
      String file = ref.substring(0, hash);
      JsonNode source = tree(text(file), file);
      JsonNode item = source.at(ref.substring(hash + 1));
      if (item.isMissingNode()) {
        throw new IllegalArgumentException(resource + ": " + ref + " points to nothing");
      }
      entry.setValue(item.deepCopy());
      mergeComponents(bundled, source.path("components"));
    }
    try {
      return Json.mapper().writeValueAsString(bundled);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(resource + " cannot be written back", e);
    }
  }

  private static boolean hasExternalPathItem(JsonNode paths) {
    for (JsonNode item : paths) {
      if (item.path("$ref").asText("").indexOf('#') > 0) {
        return true;
      }
    }
    return false;
  }

  /** Adds each component of {@code from} that the document lacks (its own win). */
  private static void mergeComponents(ObjectNode document, JsonNode from) {
    if (!from.isObject()) {
      return;
    }
    ObjectNode components =
        document.has("components")
            ? (ObjectNode) document.get("components")
            : document.putObject("components");
    for (Iterator<Map.Entry<String, JsonNode>> kinds = from.fields(); kinds.hasNext(); ) {
      Map.Entry<String, JsonNode> kind = kinds.next();
      ObjectNode mine =
          components.has(kind.getKey())
              ? (ObjectNode) components.get(kind.getKey())
              : components.putObject(kind.getKey());
      kind.getValue()
          .fields()
          .forEachRemaining(
              component -> {
                if (!mine.has(component.getKey())) {
                  mine.set(component.getKey(), component.getValue().deepCopy());
                }
              });
    }
  }

  private static JsonNode tree(String text, String resource) {
    try {
      return Yaml.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(resource + " is not YAML or JSON", e);
    }
  }

  private static String text(String resource) {
    try (InputStream in = DocumentBundle.class.getClassLoader().getResourceAsStream(resource)) {
      Objects.requireNonNull(in, resource + " is not on the classpath");
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
