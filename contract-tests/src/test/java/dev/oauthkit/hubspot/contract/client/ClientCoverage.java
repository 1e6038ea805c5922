package dev.oauthkit.hubspot.contract.client;

import dev.oauthkit.hubspot.contract.report.SinceBaseline;
import dev.oauthkit.hubspot.contract.spec.ContractSpec;
import dev.oauthkit.hubspot.contract.spec.ExampleCase;
import dev.oauthkit.hubspot.contract.spec.OperationContract;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which of the spec's (version, operation, status, example) tuples a client passed; one table
 * section per API version (date versions share operationIds, so an example is told apart by its
 * version).
 */
final class ClientCoverage {

  private final String client;
  private final ContractSpec spec;
  private final Set<String> passed = ConcurrentHashMap.newKeySet();

  ClientCoverage(String client, ContractSpec spec) {
    this.client = client;
    this.spec = spec;
  }

  void passed(ExampleCase example) {
    passed.add(key(example));
  }

  /** The examples not passed, each as {@code <version> <label>}. */
  List<String> missing() {
    return spec.responseExamples().stream()
        .map(ClientCoverage::key)
        .filter(key -> !passed.contains(key))
        .toList();
  }

  /** Per version, one row per operation and status: examples passed of examples documented. */
  String table() {
    StringBuilder table = new StringBuilder();
    SinceBaseline baseline = SinceBaseline.packaged();
    for (String version : spec.versions()) {
      ContractSpec only = spec.only(List.of(version));
      table.append("Client contract coverage: ").append(client).append(", API ").append(version);
      table.append('\n');
      table.append(String.format("%-28s %-7s %-9s %s%n", "operation", "status", "examples", "new"));
      for (OperationContract operation : only.operations()) {
        for (String status : operation.statuses()) {
          List<ExampleCase> examples =
              only.responseExamples().stream()
                  .filter(
                      e ->
                          e.operation().operationId().equals(operation.operationId())
                              && e.response().status() == Integer.parseInt(status))
                  .toList();
          long ok = examples.stream().filter(e -> passed.contains(key(e))).count();
          table.append(
              String.format(
                  "%-28s %-7s %-9s %s%n",
                  operation.operationId(),
                  status,
                  ok + "/" + examples.size(),
                  baseline.mark(operation.operationId(), status)));
        }
      }
    }
    table.append(SinceBaseline.LEGEND).append('\n');
    List<String> missing = missing();
    table.append(
        missing.isEmpty()
            ? "Every version, operation, status and example covered.\n"
            : "Not covered: " + missing + "\n");
    return table.toString();
  }

  private static String key(ExampleCase example) {
    return example.operation().version() + " " + example.label();
  }
}
