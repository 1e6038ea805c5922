package dev.oauthkit.hubspot.spec;

import static dev.oauthkit.hubspot.spec.SpecDocument.segment;

import dev.oauthkit.hubspot.spec.SpecDocument.ExampleCase;
import dev.oauthkit.hubspot.spec.SpecDocument.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Walks an OpenAPI document and lists every example: request and response media types (named and
 * inline), parameters, and the {@code example} keyword of every schema under {@code components}.
 */
final class ExampleCollector {

  private final SpecDocument spec;
  private final List<ExampleCase> cases = new ArrayList<>();

  ExampleCollector(SpecDocument spec) {
    this.spec = spec;
  }

  List<ExampleCase> collect() {
    for (Operation operation : spec.operations()) {
      collectParameters(operation);
      JsonNode body = operation.node().get("requestBody");
      if (body != null) {
        String pointer = operation.pointer() + "/requestBody";
        collectContent(operation + " request", pointer, spec.resolve(body));
      }
      JsonNode responses = operation.node().get("responses");
      for (Map.Entry<String, JsonNode> response : responses.properties()) {
        String pointer = operation.pointer() + "/responses/" + segment(response.getKey());
        collectContent(
            operation + " " + response.getKey(), pointer, spec.resolve(response.getValue()));
      }
    }
    JsonNode schemas = spec.root().at("/components/schemas");
    for (Map.Entry<String, JsonNode> schema : schemas.properties()) {
      collectSchemaExamples(
          "components.schemas." + schema.getKey(),
          "/components/schemas/" + segment(schema.getKey()),
          schema.getValue());
    }
    return cases;
  }

  private void collectParameters(Operation operation) {
    JsonNode parameters = operation.node().get("parameters");
    if (parameters == null) {
      return;
    }
    for (int i = 0; i < parameters.size(); i++) {
      JsonNode raw = parameters.get(i);
      JsonNode parameter = spec.resolve(raw);
      String schemaPointer =
          raw.has("$ref")
              ? raw.get("$ref").asString().substring(1) + "/schema"
              : operation.pointer() + "/parameters/" + i + "/schema";
      String where = operation + " parameter " + parameter.get("name").asString();
      collectExamples(where, schemaPointer, parameter);
    }
  }

  private void collectContent(String where, String pointer, JsonNode holder) {
    JsonNode content = holder.get("content");
    if (content == null) {
      return;
    }
    for (Map.Entry<String, JsonNode> media : content.properties()) {
      String mediaPointer = pointer + "/content/" + segment(media.getKey());
      collectExamples(where + " " + media.getKey(), mediaPointer + "/schema", media.getValue());
    }
  }

  private void collectExamples(String where, String schemaPointer, JsonNode holder) {
    JsonNode example = holder.get("example");
    if (example != null) {
      cases.add(new ExampleCase("inline example (" + where + ")", schemaPointer, example));
    }
    JsonNode examples = holder.get("examples");
    if (examples == null) {
      return;
    }
    for (Map.Entry<String, JsonNode> named : examples.properties()) {
      JsonNode resolved = spec.resolve(named.getValue());
      JsonNode value = resolved.get("value");
      if (value != null) {
        cases.add(new ExampleCase(named.getKey() + " (" + where + ")", schemaPointer, value));
      }
    }
  }

  private void collectSchemaExamples(String where, String pointer, JsonNode schema) {
    if (schema == null || !schema.isObject()) {
      return;
    }
    JsonNode example = schema.get("example");
    if (example != null && !schema.has("$ref")) {
      cases.add(new ExampleCase("schema example (" + where + ")", pointer, example));
    }
    JsonNode properties = schema.get("properties");
    if (properties != null) {
      for (Map.Entry<String, JsonNode> property : properties.properties()) {
        collectSchemaExamples(
            where + "." + property.getKey(),
            pointer + "/properties/" + segment(property.getKey()),
            property.getValue());
      }
    }
    JsonNode items = schema.get("items");
    if (items != null) {
      collectSchemaExamples(where + "[]", pointer + "/items", items);
    }
  }
}
