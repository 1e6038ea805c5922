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
   * Sends a request for an operation, checks the response against the spec and, when given, against
   * the statuses this case expects, and records the result.
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
    Attempt attempt =
        attempt(operation, rawPath, contentType, body, headers, description, expected);
    record(group, operation, attempt, null);
    return attempt.exchange();
  }

  /** Sends and checks a request like {@link #send} without recording it. */
  Attempt attempt(
      OperationContract operation,
      String rawPath,
      String contentType,
      byte[] body,
      Map<String, String> headers,
      String description,
      Set<Integer> expected) {
    long start = System.nanoTime();
    Exchange exchange =
        probe.send(operation.method(), rawPath, contentType, body, headers, description);
    long nanos = System.nanoTime() - start;
    List<String> problems = new ArrayList<>(checker.check(operation, exchange, expected));
    if (exchange.answered() && !expected.isEmpty() && !expected.contains(exchange.status())) {
      problems.add("expected status " + expected + ", got " + exchange.status());
    }
    return new Attempt(exchange, List.copyOf(problems), nanos);
  }

  /**
   * Records an attempt as a case result.
   *
   * @param smallestFailing for a failed generated case, its shrunk reproduction, or {@code null}
   */
  void record(String group, OperationContract operation, Attempt attempt, String smallestFailing) {
    Exchange exchange = attempt.exchange();
    if (exchange.answered()) {
      answers.add(answer(operation, exchange));
    }
    results.add(
        new CaseResult(
            group,
            exchange.request(),
            operation.version(),
            operation.operationId(),
            exchange.status(),
            attempt.problems(),
            attempt.nanos() / 1e9,
            smallestFailing));
  }

  /**
   * A request sent and checked.
   *
   * @param exchange the request and its response
   * @param problems what broke the contract; empty when it kept it
   * @param nanos how long the request took
   */
  record Attempt(Exchange exchange, List<String> problems, long nanos) {

    boolean passed() {
      return problems.isEmpty();
    }
  }

  /** Records a case that could not run, e.g. a flow step whose set-up failed. */
  void fail(String group, String version, String operationId, String description, String problem) {
    results.add(new CaseResult(group, description, version, operationId, -1, List.of(problem)));
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
    JsonNode body = JSON.createObjectNode();
    String text =
        exchange.body().startsWith("\uFEFF") ? exchange.body().substring(1) : exchange.body();
    if (!text.isBlank()) {
      try {
        JsonNode parsed = JSON.readTree(text.strip());
        if (parsed != null && parsed.isObject()) {
          body = parsed;
        }
      } catch (JacksonException e) {
        // not JSON: the checker already reported it
      }
    }
    return new SeenAnswer(
        operation.version(),
        operation.operationId(),
        exchange.status(),
        text(body, "status"),
        text(body, "category"),
        text(body, "error"),
        text(body, "token_use"),
        body.path("active").isBoolean() ? body.path("active").asString() : null);
  }

  private static String text(JsonNode body, String field) {
    return body.path(field).isString() ? body.path(field).asString() : null;
  }
}
