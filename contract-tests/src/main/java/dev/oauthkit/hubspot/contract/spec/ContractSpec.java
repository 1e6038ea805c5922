package dev.oauthkit.hubspot.contract.spec;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The HubSpot OAuth spec as contract tests see it: every operation of one or more documents (v1 and
 * the date versions), each knowing its API version, its documented responses and their examples,
 * enumerated at run time, plus a JSON Schema 2020-12 validator for each request and response.
 *
 * <p>Nothing here names an operation: a new operation, status, example or document in the spec jar
 * is picked up without new code.
 */
public final class ContractSpec {

  /** Name of the v1 document inside the spec jar. */
  public static final String PACKAGED_SPEC = "hubspot-oauth-v1.yaml";

  /** How the HubSpot documents in the spec jar are named (not the sandbox admin document). */
  public static final Pattern PACKAGED_DOCUMENT =
      Pattern.compile("hubspot-oauth-(v1|\\d{4}-(?:0[1-9]|1[0-2]))\\.yaml");

  private static final String DOCUMENT_ID = "https://oauthkit.invalid/contract/spec-%d.yaml";

  private final List<OperationContract> operations;
  private final SchemaRegistry registry;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  private ContractSpec(List<OperationContract> operations, SchemaRegistry registry) {
    this.operations = List.copyOf(operations);
    this.registry = registry;
  }

  /**
   * One document to read.
   *
   * @param version its API version when its file name tells it, else {@code null}
   * @param text its YAML or JSON text
   */
  private record Document(String version, String text) {}

  private ContractSpec(List<Document> texts) {
    List<OperationContract> all = new ArrayList<>();
    Map<String, String> documents = new LinkedHashMap<>();
    for (Document document : texts) {
      String text = document.text();
      ParseOptions options = new ParseOptions();
      options.setResolve(true);
      options.setResolveFully(true);
      SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
      if (result.getOpenAPI() == null) {
        throw new IllegalArgumentException("spec does not parse: " + result.getMessages());
      }
      String documentId = String.format(Locale.ROOT, DOCUMENT_ID, documents.size());
      documents.put(documentId, text);
      all.addAll(SpecEnumeration.enumerate(result.getOpenAPI(), documentId, document.version()));
    }
    long distinct =
        all.stream().map(op -> op.version() + " " + op.operationId()).distinct().count();
    if (distinct != all.size()) {
      throw new IllegalArgumentException("an operationId occurs twice in one API version");
    }
    this.operations = List.copyOf(all);
    this.registry =
        SchemaRegistry.withDialect(
            Dialects.getOpenApi31(),
            builder ->
                builder
                    .schemas(documents)
                    .schemaRegistryConfig(
                        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  }

  /** The v1 document packaged in the spec jar ({@value #PACKAGED_SPEC}) alone. */
  public static ContractSpec packaged() {
    return of(read(PACKAGED_SPEC));
  }

  /**
   * Every HubSpot document packaged in the spec jar ({@link #PACKAGED_DOCUMENT}: v1 and each date
   * version), v1 first; not the sandbox admin document. Each document's API version is its file
   * name's ({@code hubspot-oauth-<version>.yaml}).
   */
  public static ContractSpec packagedAll() {
    return new ContractSpec(
        PackagedDocuments.names().stream()
            .map(name -> new Document(PackagedDocuments.version(name), read(name)))
            .toList());
  }

  /**
   * A spec given as YAML or JSON text; its API version is the one in its paths ({@code
   * /oauth/<version>/...}, under its first server URL's path), else its {@code info.version}.
   */
  public static ContractSpec of(String text) {
    Objects.requireNonNull(text, "text");
    return of(List.of(text));
  }

  /**
   * A spec of several documents, each as YAML or JSON text; operationIds must be distinct within an
   * API version (two versions may share one, as date versions with the same shapes do).
   */
  public static ContractSpec of(List<String> texts) {
    Objects.requireNonNull(texts, "texts");
    if (texts.isEmpty()) {
      throw new IllegalArgumentException("texts must name at least one document");
    }
    return new ContractSpec(texts.stream().map(text -> new Document(null, text)).toList());
  }

  /** The API versions of the operations, in document order: {@code v1}, then the date versions. */
  public List<String> versions() {
    return operations.stream().map(OperationContract::version).distinct().toList();
  }

  /**
   * This spec with the operations of these API versions only (schemas stay shared), so that flows,
   * generated cases and coverage tables check just those versions.
   *
   * @throws IllegalArgumentException when {@code versions} is empty or names a version this spec
   *     does not have; the message lists the known ones
   */
  public ContractSpec only(Collection<String> versions) {
    Objects.requireNonNull(versions, "versions");
    if (versions.isEmpty()) {
      throw new IllegalArgumentException("versions must name at least one API version");
    }
    List<String> known = versions();
    List<String> unknown = versions.stream().filter(v -> !known.contains(v)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown API version "
              + String.join(", ", unknown)
              + " (known: "
              + String.join(", ", known)
              + ")");
    }
    return new ContractSpec(
        operations.stream().filter(op -> versions.contains(op.version())).toList(), registry);
  }

  /** Whether the spec has an operation with this operationId. */
  public boolean has(String operationId) {
    return operations.stream().anyMatch(operation -> operation.operationId().equals(operationId));
  }

  /** The operation with this operationId in this API version, if the spec has it. */
  public Optional<OperationContract> find(String version, String operationId) {
    return operations.stream()
        .filter(op -> op.version().equals(version) && op.operationId().equals(operationId))
        .findFirst();
  }

  private static String read(String resource) {
    return DocumentBundle.read(resource);
  }

  /** Every operation, in document order. */
  public List<OperationContract> operations() {
    return operations;
  }

  /**
   * The operation with this operationId.
   *
   * @throws IllegalArgumentException when there is none, or when several API versions have it (then
   *     use {@link #find(String, String)})
   */
  public OperationContract operation(String operationId) {
    List<OperationContract> found =
        operations.stream()
            .filter(operation -> operation.operationId().equals(operationId))
            .toList();
    if (found.isEmpty()) {
      throw new IllegalArgumentException("no operation " + operationId);
    }
    if (found.size() > 1) {
      throw new IllegalArgumentException(
          "operationId "
              + operationId
              + " is in API versions "
              + String.join(", ", found.stream().map(OperationContract::version).toList())
              + ": use find(version, operationId)");
    }
    return found.get(0);
  }

  /** Every (operation, status, example) triple the spec documents. */
  public List<ExampleCase> responseExamples() {
    List<ExampleCase> cases = new ArrayList<>();
    for (OperationContract operation : operations) {
      for (ResponseContract response : operation.responses().values()) {
        if (response.examples().isEmpty()) {
          cases.add(new ExampleCase(operation, response, null, null));
        }
        response
            .examples()
            .forEach((name, value) -> cases.add(new ExampleCase(operation, response, name, value)));
      }
    }
    return cases;
  }

  /**
   * Validates a request body (for a form, its fields as a JSON object of strings) against the
   * operation's request schema.
   *
   * @return the violations, each naming the field; empty when the body is valid
   */
  public List<String> validateRequest(OperationContract operation, JsonNode body) {
    if (operation.requestSchemaPointer() == null) {
      return List.of("the operation documents no request body");
    }
    return validate(operation.requestSchemaPointer(), body);
  }

  /**
   * Validates a response body against the schema documented for that status.
   *
   * @return the violations, each naming the field by its JSON pointer (a missing required one too,
   *     e.g. {@code /active: required property 'active' not found}); empty when valid
   */
  public List<String> validate(ResponseContract response, JsonNode body) {
    if (response.schemaPointer() == null) {
      return body == null || body.isMissingNode() ? List.of() : List.of("no body is documented");
    }
    return validate(response.schemaPointer(), body);
  }

  private List<String> validate(String schemaPointer, JsonNode body) {
    Schema schema =
        schemas.computeIfAbsent(
            schemaPointer, location -> registry.getSchema(SchemaLocation.of(location)));
    return schema.validate(body.toString(), InputFormat.JSON).stream()
        .map(error -> location(error) + ": " + error.getMessage())
        .toList();
  }

  /** Where the violation is; for a missing required property, that property's pointer. */
  private static String location(com.networknt.schema.Error error) {
    String location = error.getInstanceLocation().toString();
    return "required".equals(error.getKeyword()) && error.getProperty() != null
        ? location + "/" + SpecEnumeration.escape(error.getProperty())
        : location;
  }
}
