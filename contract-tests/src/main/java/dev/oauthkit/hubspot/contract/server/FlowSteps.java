package dev.oauthkit.hubspot.contract.server;

import dev.oauthkit.hubspot.contract.spec.OperationContract;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The steps every stateful flow is made of, recorded in the run's {@code flow} group: a form POST,
 * a call with a token in the path, a check of one answer field, and following refresh token
 * rotation (a refresh answer's refresh token replaces the presented one when it differs).
 */
final class FlowSteps {

  private static final String GROUP = "flow";
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final ContractRun run;

  FlowSteps(ContractRun run) {
    this.run = run;
  }

  /** Posts a form to the operation and checks the answer, expecting {@code expected}. */
  Exchange post(OperationContract op, String name, Map<String, String> form, int expected) {
    FormBody body = FormBody.of(form);
    return run.send(
        GROUP,
        op,
        op.path(),
        FormBody.MEDIA_TYPE,
        body.bytes(),
        Map.of(),
        name + " " + op.method() + " " + op.path() + " " + body.describe(),
        Set.of(expected));
  }

  /** Calls an operation with {@code token} as its path parameter, expecting {@code expected}. */
  Exchange call(OperationContract op, String name, String token, int expected) {
    return run.send(
        GROUP,
        op,
        op.expand(URLEncoder.encode(token, StandardCharsets.UTF_8)),
        null,
        null,
        Map.of(),
        name + " " + op.method() + " " + op.path(),
        Set.of(expected));
  }

  /** Records a failure when an answered exchange's body lacks {@code field} = {@code value}. */
  void expect(OperationContract op, Exchange exchange, String field, String value) {
    JsonNode actual = json(exchange).path(field);
    if (exchange.answered() && !(actual.isValueNode() && actual.asString().equals(value))) {
      fail(
          op,
          exchange.request(),
          "expected "
              + field
              + " "
              + value
              + ", got "
              + (actual.isMissingNode() ? "none" : actual));
    }
  }

  /** Records a flow failure that is not about one answer's status or schema. */
  void fail(OperationContract op, String name, String problem) {
    run.fail(GROUP, op.version(), op.operationId(), name, problem);
  }

  /** A text field of the answer's JSON body; empty when absent. */
  static String field(Exchange exchange, String name) {
    JsonNode value = json(exchange).path(name);
    return value.isString() ? value.asString() : "";
  }

  /**
   * The refresh token to use after a refresh: the one the answer carries when it differs from the
   * presented one (the server rotates), else the presented one. A flow never assumes that a refresh
   * token survives a refresh.
   */
  static String refreshTokenAfter(Exchange refreshed, String presented) {
    String answered = field(refreshed, "refresh_token");
    return answered.isEmpty() ? presented : answered;
  }

  static JsonNode json(Exchange exchange) {
    try {
      return JSON.readTree(exchange.body());
    } catch (RuntimeException e) {
      return JSON.createObjectNode();
    }
  }
}
