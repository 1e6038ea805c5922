package dev.oauthkit.hubspot.contract.client;

import dev.oauthkit.hubspot.contract.report.SinceBaseline;
import dev.oauthkit.hubspot.contract.spec.ContractSpec;
import dev.oauthkit.hubspot.contract.spec.ExampleCase;
import dev.oauthkit.hubspot.contract.spec.OperationContract;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Which of the spec's (operation, status, example) triples a client passed. */
final class ClientCoverage {

  private final String client;
  private final ContractSpec spec;
  private final Set<String> passed = ConcurrentHashMap.newKeySet();

  ClientCoverage(String client, ContractSpec spec) {
    this.client = client;
    this.spec = spec;
  }

  void passed(ExampleCase example) {
    passed.add(example.label());
  }

  List<String> missing() {
    return spec.responseExamples().stream()
        .map(ExampleCase::label)
        .filter(label -> !passed.contains(label))
        .toList();
  }

  /** One row per operation and status: examples passed of examples documented, and "new". */
  String table() {
    StringBuilder table = new StringBuilder("Client contract coverage: " + client + "\n");
    table.append(String.format("%-28s %-7s %-9s %s%n", "operation", "status", "examples", "new"));
    SinceBaseline baseline = SinceBaseline.packaged();
    for (OperationContract operation : spec.operations()) {
      for (String status : operation.statuses()) {
        List<ExampleCase> examples =
            spec.responseExamples().stream()
                .filter(
                    e ->
                        e.operation().operationId().equals(operation.operationId())
                            && e.response().status() == Integer.parseInt(status))
                .toList();
        long ok = examples.stream().filter(e -> passed.contains(e.label())).count();
        table.append(
            String.format(
                "%-28s %-7s %-9s %s%n",
                operation.operationId(),
                status,
                ok + "/" + examples.size(),
                baseline.mark(operation.operationId(), status)));
      }
    }
    table.append(SinceBaseline.LEGEND).append('\n');
    List<String> missing = missing();
    table.append(
        missing.isEmpty()
            ? "Every operation, status and example covered.\n"
            : "Not covered: " + missing + "\n");
    return table.toString();
  }
}
