package dev.oauthkit.hubspot.contract.server;

import dev.oauthkit.hubspot.contract.spec.OperationContract;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Sends property-based requests to every operation: {@code perOperation} each, from {@link
 * GeneratedInputs} with the run's seed. Random path tokens are never live, so those answers must be
 * a documented 401; form requests of every version (v1's token request, each date version's token,
 * introspect and revoke requests; with the flow's registered client mixed in, when there is one)
 * must get a documented 200, 400 or 401. Every body must validate against its status's schema.
 *
 * <p>The first failing (answered) request of each operation is shrunk ({@link Shrinker}) and its
 * result names the seed and the smallest request found that fails the same check.
 */
final class GeneratedCases {

  private static final String GROUP = "generated";
  private static final int SHRINK_BUDGET = 200;

  private final ContractRun run;
  private final int perOperation;
  private final long seed;
  private final Map<String, String> known = new HashMap<>();

  GeneratedCases(ContractRun run, int perOperation, long seed, SandboxAdmin.App knownClient) {
    if (perOperation < 1) {
      throw new IllegalArgumentException("perOperation must be at least 1, was " + perOperation);
    }
    this.run = run;
    this.perOperation = perOperation;
    this.seed = seed;
    if (knownClient != null) {
      known.put("client_id", knownClient.clientId());
      known.put("client_secret", knownClient.clientSecret());
    }
  }

  void run() {
    for (OperationContract operation : run.spec().operations()) {
      GeneratedInputs inputs = GeneratedInputs.of(operation, seed, known);
      boolean shrunk = false;
      for (int i = 0; i < perOperation; i++) {
        GeneratedRequest request = inputs.next();
        String name = operation.method() + " " + operation.path() + " #" + i;
        ContractRun.Attempt attempt = send(operation, request, name + " " + request.describe());
        // A request that got no answer (e.g. a timeout) is not shrunk: each try could time out too.
        if (attempt.passed() || shrunk || !attempt.exchange().answered()) {
          run.record(GROUP, operation, attempt, null);
          continue;
        }
        shrunk = true;
        run.record(GROUP, operation, attempt, shrink(operation, request, attempt));
      }
    }
  }

  private String shrink(
      OperationContract operation, GeneratedRequest failing, ContractRun.Attempt attempt) {
    String check = check(attempt.problems().get(0));
    String[] lastProblem = {attempt.problems().get(0)};
    GeneratedRequest smallest =
        Shrinker.of(operation.requestMediaType(), SHRINK_BUDGET)
            .shrink(
                failing,
                candidate -> {
                  ContractRun.Attempt retry = send(operation, candidate, "shrinking");
                  for (String problem : retry.problems()) {
                    if (check(problem).equals(check)) {
                      lastProblem[0] = problem;
                      return true;
                    }
                  }
                  return false;
                });
    return "seed "
        + seed
        + " (replay: --seed="
        + seed
        + "), smallest failing request found: "
        + smallest.show(operation.method(), operation.path())
        + "\n    fails with: "
        + lastProblem[0];
  }

  private ContractRun.Attempt send(
      OperationContract operation, GeneratedRequest request, String name) {
    if (request.pathValue() != null) {
      return run.attempt(
          operation,
          operation.expand(request.pathValue()),
          null,
          null,
          Map.of(),
          name,
          Set.of(401));
    }
    return run.attempt(
        operation,
        operation.path(),
        request.contentType(),
        request.body(),
        Map.of(),
        name,
        Set.of(200, 400, 401));
  }

  /** Which check a problem is, without its details, e.g. {@code status 401 body violates ...}. */
  private static String check(String problem) {
    int colon = problem.indexOf(": ");
    return colon < 0 ? problem : problem.substring(0, colon);
  }
}
