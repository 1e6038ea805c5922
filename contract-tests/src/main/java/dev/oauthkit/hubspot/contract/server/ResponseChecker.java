package dev.oauthkit.hubspot.contract.server;

import dev.oauthkit.hubspot.contract.spec.ContractSpec;
import dev.oauthkit.hubspot.contract.spec.OperationContract;
import dev.oauthkit.hubspot.contract.spec.ResponseContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks one response against the spec: a documented status, never a 5xx, the headers that status
 * documents as required, the documented media type where a body is documented (its {@code
 * type/subtype} compared exactly, parameters ignored), and a body valid against that status's
 * schema.
 */
public final class ResponseChecker {

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final int SNIPPET = 200;

  /** {@code type "/" subtype}, each an RFC 9110 token. */
  private static final Pattern MEDIA_TYPE =
      Pattern.compile("[!#$%&'*+.^_`|~0-9a-z-]+/[!#$%&'*+.^_`|~0-9a-z-]+");

  private final ContractSpec spec;

  /** A checker for this spec. */
  public ResponseChecker(ContractSpec spec) {
    this.spec = java.util.Objects.requireNonNull(spec, "spec");
  }

  /**
   * Checks the response to one request.
   *
   * @return the problems found; empty when the response keeps the contract
   */
  public List<String> check(OperationContract operation, Exchange exchange) {
    return check(operation, exchange, java.util.Set.of());
  }

  /**
   * Checks the response to one request that asked for one of {@code expected}; a 5xx is a problem
   * unless the case asked for it (an injected server error).
   *
   * @return the problems found; empty when the response keeps the contract
   */
  public List<String> check(
      OperationContract operation, Exchange exchange, java.util.Set<Integer> expected) {
    List<String> problems = new ArrayList<>();
    if (!exchange.answered()) {
      problems.add("no response: " + exchange.failure());
      return problems;
    }
    int status = exchange.status();
    if (status >= 500 && !expected.contains(status)) {
      problems.add("server error " + status + ": " + snippet(exchange.body()));
    }
    Optional<ResponseContract> documented = operation.response(status);
    if (documented.isEmpty()) {
      problems.add(
          "status "
              + status
              + " is not documented for "
              + operation.operationId()
              + " (documented: "
              + String.join(", ", operation.statuses())
              + "); body: "
              + snippet(exchange.body()));
      return problems;
    }
    ResponseContract response = documented.get();
    for (String header : response.requiredHeaders()) {
      if (exchange.header(header).isEmpty()) {
        problems.add(
            "status "
                + status
                + " lacks the "
                + header
                + " header (required by the spec for "
                + operation.operationId()
                + " "
                + status
                + ")");
      }
    }
    if (!response.hasBody()) {
      if (!exchange.body().isEmpty()) {
        problems.add("status " + status + " documents no body, got: " + snippet(exchange.body()));
      }
      return problems;
    }
    String contentType = exchange.contentType();
    String mediaType = mediaType(contentType);
    if (mediaType == null || !mediaType.equals(mediaType(response.mediaType()))) {
      problems.add(
          "status " + status + " must be " + response.mediaType() + ", got " + contentType);
    }
    JsonNode body;
    try {
      body = JSON.readTree(exchange.body());
    } catch (JacksonException e) {
      problems.add("status " + status + " body is not JSON: " + snippet(exchange.body()));
      return problems;
    }
    for (String violation : spec.validate(response, body)) {
      problems.add("status " + status + " body violates the schema at " + violation);
    }
    return problems;
  }

  /**
   * The media type of a Content-Type value (RFC 9110 8.3.1), {@code type/subtype} in lower case
   * without its parameters (after {@code ;}); {@code null} when there is none or it is not of that
   * form.
   */
  static String mediaType(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    String type =
        (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
            .strip()
            .toLowerCase(Locale.ROOT);
    return MEDIA_TYPE.matcher(type).matches() ? type : null;
  }

  private static String snippet(String body) {
    String flat = body.replaceAll("\\s+", " ");
    return flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET) + "...";
  }
}
