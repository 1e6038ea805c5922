package dev.oauthkit.hubspot.sandbox.testing;

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
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** An OpenAPI document from the spec jar: its schemas as validators and its documented statuses. */
public final class SpecSchemas {

  private static final SpecSchemas HUBSPOT = load("hubspot-oauth-v1.yaml");
  private static final SpecSchemas HUBSPOT_2026_03 = load("hubspot-oauth-2026-03.yaml");
  private static final SpecSchemas ADMIN = load("sandbox-admin-v1.yaml");

  private final String id;
  private final JsonNode root;
  private final SchemaRegistry registry;

  private SpecSchemas(String name, String text) {
    this.id = "https://oauthkit.invalid/" + name;
    this.root = YAMLMapper.builder().build().readTree(text);
    this.registry =
        SchemaRegistry.withDialect(
            Dialects.getOpenApi31(),
            builder ->
                builder
                    .schemas(Map.of(id, text))
                    .schemaRegistryConfig(
                        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  }

  /** The HubSpot OAuth API. */
  public static SpecSchemas hubspot() {
    return HUBSPOT;
  }

  /** The HubSpot OAuth API, version 2026-03. */
  public static SpecSchemas hubspot202603() {
    return HUBSPOT_2026_03;
  }

  /** The sandbox admin API. */
  public static SpecSchemas admin() {
    return ADMIN;
  }

  /**
   * Validation messages for a JSON text against {@code #/components/schemas/<name>}; empty if
   * valid.
   */
  public Set<String> validate(String schemaName, String json) {
    Schema schema =
        registry.getSchema(SchemaLocation.of(id + "#/components/schemas/" + schemaName));
    Set<String> messages = new TreeSet<>();
    schema.validate(json, InputFormat.JSON).forEach(e -> messages.add(e.toString()));
    return messages;
  }

  /** The statuses an operation documents, e.g. {@code [200, 400, 401, 500]}. */
  public Set<Integer> statuses(String path, String method) {
    JsonNode responses = root.path("paths").path(path).path(method).path("responses");
    Set<Integer> statuses = new TreeSet<>();
    responses.propertyNames().forEach(status -> statuses.add(Integer.parseInt(status)));
    if (statuses.isEmpty()) {
      throw new IllegalArgumentException("no such operation: " + method + " " + path);
    }
    return statuses;
  }

  private static SpecSchemas load(String name) {
    try (InputStream in = SpecSchemas.class.getClassLoader().getResourceAsStream(name)) {
      Objects.requireNonNull(in, name + " is not on the test classpath");
      return new SpecSchemas(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
