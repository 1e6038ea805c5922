package dev.oauthkit.hubspot.contract.server;

import dev.oauthkit.hubspot.contract.report.SeenAnswer;
import dev.oauthkit.hubspot.contract.spec.ContractSpec;
import dev.oauthkit.hubspot.contract.spec.OperationContract;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends requests for one contract run, checks each response and keeps the results and the coverage
 * (which documented statuses of which operation were seen).
 */
public final class ContractRun {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final ContractSpec spec;
  private final HttpProbe probe;
  private final ResponseChecker checker;
  private final List<CaseResult> results = Collections.synchronizedList(new ArrayList<>());
  private final Set<SeenAnswer> answers = ConcurrentHashMap.newKeySet();

  ContractRun(ContractSpec spec, HttpProbe probe) {
    this.spec = spec;
    this.probe = probe;
    this.checker = new ResponseChecker(spec);
  }

  ContractSpec spec() {
    return spec;
  }

  HttpProbe probe() {
    return probe;
  }

  /**
   * Sends a request for an operation and checks the response against the spec and, when given,
   * against the statuses this case expects.
   */
  Exchange send(
      String group,
      OperationContract operation,
      String rawPath,
      String contentType,
      byte[] body,
      Map<String, String> headers,
      String description,
      Set<Integer> expected) {
    Exchange exchange =
        probe.send(operation.method(), rawPath, contentType, body, headers, description);
    List<String> problems = new ArrayList<>(checker.check(operation, exchange, expected));
    if (exchange.answered() && !expected.isEmpty() && !expected.contains(exchange.status())) {
      problems.add("expected status " + expected + ", got " + exchange.status());
    }
    if (exchange.answered()) {
      answers.add(answer(operation, exchange));
    }
    results.add(
        new CaseResult(
            group, description, operation.operationId(), exchange.status(), List.copyOf(problems)));
    return exchange;
  }

  /** Records a case that could not run, e.g. a flow step whose set-up failed. */
  void fail(String group, String operationId, String description, String problem) {
    results.add(new CaseResult(group, description, operationId, -1, List.of(problem)));
  }

  /** Every result so far. */
  public List<CaseResult> results() {
    synchronized (results) {
      return List.copyOf(results);
    }
  }

  /** The kinds of answer seen. */
  public Set<SeenAnswer> answers() {
    return Set.copyOf(answers);
  }

  private static SeenAnswer answer(OperationContract operation, Exchange exchange) {
    String hubSpotStatus = null;
    String category = null;
    if (exchange.body().startsWith("{")) {
      try {
        JsonNode body = JSON.readTree(exchange.body());
        hubSpotStatus = body.path("status").isString() ? body.path("status").asString() : null;
        category = body.path("category").isString() ? body.path("category").asString() : null;
      } catch (JacksonException e) {
        // not JSON: the checker already reported it
      }
    }
    return new SeenAnswer(operation.operationId(), exchange.status(), hubSpotStatus, category);
  }
}
