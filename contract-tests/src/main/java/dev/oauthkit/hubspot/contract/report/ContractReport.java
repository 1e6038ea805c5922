package dev.oauthkit.hubspot.contract.report;

import dev.oauthkit.hubspot.contract.server.CaseResult;
import dev.oauthkit.hubspot.contract.spec.ContractSpec;
import dev.oauthkit.hubspot.contract.spec.OperationContract;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The outcome of a server contract run: every case, the statuses seen per operation, a readable
 * summary with a coverage table, and the same as JUnit XML via {@link JUnitXml}.
 */
public final class ContractReport {

  private static final int SHOWN_FAILURES = 25;

  private final ContractSpec spec;
  private final String baseUrl;
  private final List<CaseResult> results;
  private final Map<String, Set<Integer>> seen;
  private final boolean flows;
  private final long seed;

  /** Creates a report; used by the contract runner. */
  public ContractReport(
      ContractSpec spec,
      String baseUrl,
      List<CaseResult> results,
      Map<String, Set<Integer>> seen,
      boolean flows,
      long seed) {
    this.spec = spec;
    this.baseUrl = baseUrl;
    this.results = List.copyOf(results);
    this.seen = Map.copyOf(seen);
    this.flows = flows;
    this.seed = seed;
  }

  /** Every case. */
  public List<CaseResult> results() {
    return results;
  }

  /** The cases that broke the contract. */
  public List<CaseResult> failures() {
    return results.stream().filter(result -> !result.passed()).toList();
  }

  /** Whether every case kept the contract. */
  public boolean passed() {
    return failures().isEmpty();
  }

  /** The statuses seen per operationId. */
  public Map<String, Set<Integer>> seenStatuses() {
    return seen;
  }

  /**
   * Requests sent per operationId and group, e.g. {@code
   * {getAccessTokenMetadata={generated=1000}}}.
   */
  public Map<String, Map<String, Integer>> counts() {
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    for (CaseResult result : results) {
      counts
          .computeIfAbsent(result.operationId(), id -> new TreeMap<>())
          .merge(result.group(), 1, Integer::sum);
    }
    return counts;
  }

  /** Whether the stateful flow ran (it needs an admin key). */
  public boolean flowsRan() {
    return flows;
  }

  /** The seed of the property-based inputs. */
  public long seed() {
    return seed;
  }

  /** The server that was checked. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The readable summary: verdict, counts, coverage table and the first failures. */
  public String summary() {
    StringBuilder out = new StringBuilder();
    out.append("Server contract: ").append(baseUrl).append('\n');
    out.append(passed() ? "PASSED" : "FAILED")
        .append(": ")
        .append(results.size() - failures().size())
        .append(" passed, ")
        .append(failures().size())
        .append(" failed (seed ")
        .append(seed)
        .append(flows ? "" : "; no admin key, stateful flow skipped")
        .append(")\n\n");
    out.append(coverageTable()).append('\n');
    List<CaseResult> failures = failures();
    for (int i = 0; i < Math.min(SHOWN_FAILURES, failures.size()); i++) {
      CaseResult failure = failures.get(i);
      out.append("FAIL [")
          .append(failure.group())
          .append("] ")
          .append(failure.operationId())
          .append(": ")
          .append(failure.name())
          .append("\n    ")
          .append(String.join("\n    ", failure.problems()))
          .append('\n');
    }
    if (failures.size() > SHOWN_FAILURES) {
      out.append("... and ").append(failures.size() - SHOWN_FAILURES).append(" more\n");
    }
    return out.toString();
  }

  /** One row per operation and documented status: seen or not, and the requests sent. */
  public String coverageTable() {
    StringBuilder table = new StringBuilder();
    table.append(String.format("%-28s %-7s %-6s %s%n", "operation", "status", "seen", "requests"));
    Map<String, Map<String, Integer>> counts = counts();
    for (OperationContract operation : spec.operations()) {
      Set<Integer> statuses = seen.getOrDefault(operation.operationId(), Set.of());
      for (String status : operation.statuses()) {
        boolean hit = statuses.contains(Integer.parseInt(status));
        table.append(
            String.format(
                "%-28s %-7s %-6s %s%n",
                operation.operationId(),
                status,
                hit ? "yes" : "no",
                counts.getOrDefault(operation.operationId(), Map.of())));
      }
    }
    return table.toString();
  }
}
