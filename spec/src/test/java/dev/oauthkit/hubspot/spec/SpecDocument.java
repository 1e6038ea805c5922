package dev.oauthkit.hubspot.spec;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * An OpenAPI document read as a plain tree, with every example it holds and a JSON Schema 2020-12
 * validator for the schema each example belongs to.
 */
final class SpecDocument {

  /** The packaged spec, as generators read it from the spec jar. */
  static final String CLASSPATH_SPEC = "hubspot-oauth-v1.yaml";

  /**
   * The date-version document that defines the date versions' shapes (the generators read it); a
   * later version with the same shapes is a short document whose path items {@code $ref} its.
   */
  static final String SPEC_2026_03 = "hubspot-oauth-2026-03.yaml";

  /**
   * Every version of the HubSpot OAuth API, one document each, found in this module's resources (v1
   * first, then the date versions oldest first): house rules apply to each.
   */
  static final List<String> HUBSPOT_SPECS = hubSpotDocuments();

  /** The sandbox admin API's spec, packaged beside it. */
  static final String ADMIN_SPEC = "sandbox-admin-v1.yaml";

  private static final ObjectMapper YAML = YAMLMapper.builder().build();
  private static final List<String> HTTP_METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /** The document's id for the schema registry; nothing is fetched from it. */
  private static final String DOCUMENT_ID = "https://oauthkit.invalid/hubspot-oauth-v1.yaml";

  private final JsonNode root;
  private final SchemaRegistry registry;

  private SpecDocument(String text) {
    this.root = YAML.readTree(text);
    this.registry =
        SchemaRegistry.withDialect(
            Dialects.getOpenApi31(),
            builder ->
                builder
                    .schemas(Map.of(DOCUMENT_ID, text))
                    .schemaRegistryConfig(
                        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  }

  /** Reads the spec packaged in this module's jar. */
  static SpecDocument packaged() {
    return new SpecDocument(packagedText());
  }

  /** Reads another document packaged in this module's jar. */
  static SpecDocument packaged(String name) {
    return new SpecDocument(packagedText(name));
  }

  /** Reads a spec from text, for tests that check a modified copy. */
  static SpecDocument of(String text) {
    return new SpecDocument(text);
  }

  /** The packaged spec as text. */
  static String packagedText() {
    return packagedText(CLASSPATH_SPEC);
  }

  /**
   * A packaged document as text, self-contained: a path item that {@code $ref}s another document's
   * is replaced by it, and that document's components are added where this one has none of its own.
   */
  static String packagedText(String name) {
    String text = rawText(name);
    JsonNode root = YAML.readTree(text);
    boolean external = false;
    for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
      String ref = path.getValue().path("$ref").asString("");
      int hash = ref.indexOf('#');
      if (hash > 0) {
        JsonNode source = YAML.readTree(rawText(ref.substring(0, hash)));
        path.setValue(source.at(ref.substring(hash + 1)).deepCopy());
        mergeComponents((ObjectNode) root, source.path("components"));
        external = true;
      }
    }
    return external ? YAML.writeValueAsString(root) : text;
  }

  private static void mergeComponents(ObjectNode document, JsonNode from) {
    ObjectNode components =
        document.has("components")
            ? (ObjectNode) document.get("components")
            : document.putObject("components");
    for (Map.Entry<String, JsonNode> kind : from.properties()) {
      ObjectNode mine =
          components.has(kind.getKey())
              ? (ObjectNode) components.get(kind.getKey())
              : components.putObject(kind.getKey());
      for (Map.Entry<String, JsonNode> component : kind.getValue().properties()) {
        if (!mine.has(component.getKey())) {
          mine.set(component.getKey(), component.getValue().deepCopy());
        }
      }
    }
  }

  /** A packaged document as written, its {@code $ref}s to other documents left as they are. */
  static JsonNode rawTree(String name) {
    return YAML.readTree(rawText(name));
  }

  private static String rawText(String name) {
    try (InputStream in = SpecDocument.class.getClassLoader().getResourceAsStream(name)) {
      Objects.requireNonNull(in, name + " is not on the classpath");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The HubSpot documents in src/main/resources: v1 first, then by name (oldest first). */
  private static List<String> hubSpotDocuments() {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources"))) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.startsWith("hubspot-oauth-") && name.endsWith(".yaml"))
          .sorted(
              Comparator.comparing((String name) -> !name.equals(CLASSPATH_SPEC))
                  .thenComparing(Comparator.naturalOrder()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode root() {
    return root;
  }

  /** The value of a named example under {@code components.examples}. */
  JsonNode exampleValue(String name) {
    JsonNode value = root.at("/components/examples/" + segment(name) + "/value");
    if (value.isMissingNode()) {
      throw new IllegalArgumentException("no component example named " + name);
    }
    return value;
  }

  /** Follows a local {@code $ref} (once or repeatedly) and returns the node it points to. */
  JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    while (current != null && current.has("$ref")) {
      String ref = current.get("$ref").asString();
      if (!ref.startsWith("#")) {
        throw new IllegalStateException("only local $ref values are supported: " + ref);
      }
      current = root.at(ref.substring(1));
    }
    return current;
  }

  /** Every operation of the document as (path, method, node). */
  List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : root.get("paths").properties()) {
      for (String method : HTTP_METHODS) {
        JsonNode operation = path.getValue().get(method);
        if (operation != null) {
          operations.add(new Operation(path.getKey(), method, operation));
        }
      }
    }
    return operations;
  }

  /** Every example in the document, each paired with the JSON pointer of its schema. */
  List<ExampleCase> examples() {
    return new ExampleCollector(this).collect();
  }

  /** Validates a value against the schema at the given JSON pointer of this document. */
  List<String> validate(String schemaPointer, JsonNode value) {
    Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT_ID + "#" + schemaPointer));
    List<Error> errors = schema.validate(value.toString(), InputFormat.JSON);
    return errors.stream()
        .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
        .collect(Collectors.toList());
  }

  /** Escapes a name for use as one JSON pointer segment. */
  static String segment(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  /** One operation of the document. */
  record Operation(String path, String method, JsonNode node) {
    String pointer() {
      return "/paths/" + segment(path) + "/" + method;
    }

    @Override
    public String toString() {
      return method.toUpperCase(java.util.Locale.ROOT) + " " + path;
    }
  }

  /**
   * One example: where it stands, the pointer of the schema it must satisfy, and its value.
   *
   * @param name what a reader needs to find the example, e.g. {@code "AccessTokenMetadataSuccess
   *     Example (GET /oauth/v1/access-tokens/{token} 200 application/json)"}
   */
  record ExampleCase(String name, String schemaPointer, JsonNode value) {
    @Override
    public String toString() {
      return name;
    }
  }
}
