package dev.oauthkit.hubspot.contract.server;

import dev.oauthkit.hubspot.contract.spec.ContractSpec;
import dev.oauthkit.hubspot.contract.spec.OperationContract;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Sends requests for one contract run, checks each response and keeps the results and the coverage
 * (which documented statuses of which operation were seen).
 */
public final class ContractRun {

  private final ContractSpec spec;
  private final HttpProbe probe;
  private final ResponseChecker checker;
  private final List<CaseResult> results = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Set<Integer>> seen = Collections.synchronizedMap(new TreeMap<>());

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
    List<String> problems = new ArrayList<>(checker.check(operation, exchange));
    if (exchange.answered() && !expected.isEmpty() && !expected.contains(exchange.status())) {
      problems.add("expected status " + expected + ", got " + exchange.status());
    }
    if (exchange.answered()) {
      seen.computeIfAbsent(operation.operationId(), id -> new TreeSet<>()).add(exchange.status());
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

  /** The statuses seen per operationId. */
  public Map<String, Set<Integer>> seenStatuses() {
    synchronized (seen) {
      return Map.copyOf(seen);
    }
  }
}
