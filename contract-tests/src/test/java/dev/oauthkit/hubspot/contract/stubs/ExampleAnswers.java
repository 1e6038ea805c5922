package dev.oauthkit.hubspot.contract.stubs;

import dev.oauthkit.hubspot.contract.spec.ContractSpec;
import dev.oauthkit.hubspot.contract.spec.OperationContract;
import dev.oauthkit.hubspot.contract.spec.ResponseContract;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;

/**
 * What the example server answers and what it was called with. A request picks the documented
 * status by its values: {@value #FAIL} anywhere gives the 500, {@value #UNAVAILABLE} the 503,
 * {@value #WRONG} the operation's first other 4xx... see {@link #statusFor}; the body is the spec's
 * first example for that status.
 */
final class ExampleAnswers {

  /** A client_id or path token that makes the server answer its documented 500. */
  static final String FAIL = "fail-500";

  /** A client_id or path token that makes the server answer its documented 503. */
  static final String UNAVAILABLE = "unavailable-503";

  /** A client_secret or path token that makes the server answer 401. */
  static final String WRONG = "wrong";

  /** A grant_type that makes the token endpoints answer 400. */
  static final String BAD_GRANT = "password";

  /** A token that makes the 2026-03 introspect and revoke endpoints answer 400. */
  static final String BAD_TOKEN = "invalid-request";

  private final ContractSpec spec;
  private final List<Call> calls = new CopyOnWriteArrayList<>();

  ExampleAnswers(ContractSpec spec) {
    this.spec = spec;
  }

  /**
   * One call the generated interface received, with its arguments as Spring bound them.
   *
   * @param operationId the interface method
   * @param arguments the bound arguments by wire name
   */
  record Call(String operationId, Map<String, String> arguments) {}

  /** Records a call and returns the status to answer. */
  int answer(String operationId, Map<String, String> arguments) {
    calls.add(new Call(operationId, arguments));
    return statusFor(arguments);
  }

  /** The calls received so far. */
  List<Call> calls() {
    return calls;
  }

  /** The API version of an operation, e.g. {@code v1}. */
  String version(String operationId) {
    return operation(operationId).version();
  }

  /**
   * The operation with this operationId in the first version that has it: every date version has
   * the same operations and examples, and the stubs' date-version interface serves them all.
   */
  private OperationContract operation(String operationId) {
    return spec.operations().stream()
        .filter(operation -> operation.operationId().equals(operationId))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no operation " + operationId));
  }

  /** The spec's first example body for an operation's status. */
  JsonNode example(String operationId, int status) {
    OperationContract operation = operation(operationId);
    ResponseContract response =
        operation
            .response(status)
            .orElseThrow(() -> new IllegalStateException(operation + " documents no " + status));
    return response.examples().values().iterator().next();
  }

  static int statusFor(Map<String, String> arguments) {
    if (arguments.containsValue(FAIL)) {
      return 500;
    }
    if (arguments.containsValue(UNAVAILABLE)) {
      return 503;
    }
    if (arguments.containsValue(WRONG)) {
      return 401;
    }
    if (BAD_GRANT.equals(arguments.get("grant_type")) || BAD_TOKEN.equals(arguments.get("token"))) {
      return 400;
    }
    return 200;
  }
}
