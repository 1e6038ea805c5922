package dev.oauthkit.hubspot.contract.spec;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one parsed OpenAPI document into {@link OperationContract}s: each operation with its API
 * version, request fields and examples, documented responses and their examples, and the locations
 * of its schemas inside the document (document id, {@code #}, JSON pointer).
 */
final class SpecEnumeration {

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON2 =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private SpecEnumeration() {}

  /**
   * Every operation of the document, in document order. A path is the document's path under the
   * path of its first server URL (a date-version document is served under {@code
   * https://api.hubapi.com/oauth/<version>} with paths such as {@code /token}).
   *
   * @param version the API version, from the document's file name; {@code null} to take it from the
   *     paths ({@code /oauth/<version>/...}) or else the document's {@code info.version}
   */
  static List<OperationContract> enumerate(OpenAPI api, String documentId, String version) {
    String documentVersion = api.getInfo() == null ? null : api.getInfo().getVersion();
    String base = basePath(api);
    List<OperationContract> result = new ArrayList<>();
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) ->
                            result.add(
                                operation(
                                    version != null
                                        ? version
                                        : version(base + path, documentVersion),
                                    documentId,
                                    base,
                                    path,
                                    method,
                                    operation))));
    return result;
  }

  /** The path of the first server URL without a trailing slash, e.g. {@code /oauth/<version>}. */
  private static String basePath(OpenAPI api) {
    if (api.getServers() == null || api.getServers().isEmpty()) {
      return "";
    }
    String path = URI.create(api.getServers().get(0).getUrl()).getPath();
    if (path == null) {
      return "";
    }
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** The version segment of {@code /oauth/<version>/...}, else the document's info.version. */
  private static String version(String path, String documentVersion) {
    String[] segments = path.split("/");
    if (segments.length > 2 && "oauth".equals(segments[1])) {
      return segments[2];
    }
    return Objects.requireNonNullElse(documentVersion, "unversioned");
  }

  private static OperationContract operation(
      String version,
      String documentId,
      String base,
      String path,
      PathItem.HttpMethod method,
      Operation operation) {
    String operationPointer =
        documentId + "#/paths/" + escape(path) + "/" + method.name().toLowerCase(Locale.ROOT);
    Map<String, ResponseContract> responses = new LinkedHashMap<>();
    operation
        .getResponses()
        .forEach(
            (status, response) ->
                responses.put(
                    status, response(status, operationPointer + "/responses/" + status, response)));
    Map<String, JsonNode> requestExamples = new LinkedHashMap<>();
    String requestMediaType = null;
    String requestSchema = null;
    List<RequestField> requestFields = List.of();
    if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
      for (Map.Entry<String, MediaType> media :
          operation.getRequestBody().getContent().entrySet()) {
        requestMediaType = media.getKey();
        requestSchema =
            operationPointer + "/requestBody/content/" + escape(media.getKey()) + "/schema";
        requestExamples.putAll(examples(media.getValue()));
        requestFields = fields(media.getValue().getSchema());
      }
    }
    String pathExample = null;
    if (operation.getParameters() != null) {
      for (Parameter parameter : operation.getParameters()) {
        if ("path".equals(parameter.getIn()) && parameter.getExample() != null) {
          pathExample = parameter.getExample().toString();
        }
      }
    }
    return new OperationContract(
        version,
        operation.getOperationId(),
        method.name(),
        base + path,
        pathExample,
        requestMediaType,
        requestSchema,
        Map.copyOf(requestExamples),
        requestFields,
        responses);
  }

  private static List<RequestField> fields(io.swagger.v3.oas.models.media.Schema<?> schema) {
    if (schema == null || schema.getProperties() == null) {
      return List.of();
    }
    List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
    List<RequestField> fields = new ArrayList<>();
    schema
        .getProperties()
        .forEach(
            (name, property) ->
                fields.add(
                    new RequestField(
                        name,
                        required.contains(name),
                        property.getEnum() == null
                            ? List.of()
                            : property.getEnum().stream().map(String::valueOf).toList(),
                        property.getExample() == null ? null : property.getExample().toString(),
                        "password".equals(property.getFormat()))));
    return List.copyOf(fields);
  }

  private static ResponseContract response(String status, String pointer, ApiResponse response) {
    List<String> requiredHeaders = requiredHeaders(response);
    if (response.getContent() == null || response.getContent().isEmpty()) {
      return new ResponseContract(Integer.parseInt(status), null, null, Map.of(), requiredHeaders);
    }
    Map.Entry<String, MediaType> media = response.getContent().entrySet().iterator().next();
    return new ResponseContract(
        Integer.parseInt(status),
        media.getKey(),
        pointer + "/content/" + escape(media.getKey()) + "/schema",
        examples(media.getValue()),
        requiredHeaders);
  }

  /** The response's headers marked {@code required: true} (OpenAPI's default is optional). */
  private static List<String> requiredHeaders(ApiResponse response) {
    if (response.getHeaders() == null) {
      return List.of();
    }
    return response.getHeaders().entrySet().stream()
        .filter(header -> Boolean.TRUE.equals(header.getValue().getRequired()))
        .map(Map.Entry::getKey)
        .toList();
  }

  private static Map<String, JsonNode> examples(MediaType media) {
    Map<String, JsonNode> examples = new LinkedHashMap<>();
    if (media.getExamples() != null) {
      media.getExamples().forEach((name, example) -> examples.put(name, tree(example.getValue())));
    }
    if (media.getExample() != null) {
      examples.put("example", tree(media.getExample()));
    }
    return examples;
  }

  private static JsonNode tree(Object value) {
    try {
      return JSON.readTree(JSON2.writeValueAsString(value));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("example is not JSON-serialisable", e);
    }
  }

  /** Escapes a JSON pointer segment (RFC 6901). */
  static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }
}
