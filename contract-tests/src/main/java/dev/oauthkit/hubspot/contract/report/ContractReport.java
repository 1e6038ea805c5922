package dev.oauthkit.hubspot.contract.report;

import dev.oauthkit.hubspot.contract.server.CaseResult;
import dev.oauthkit.hubspot.contract.spec.ContractSpec;
import dev.oauthkit.hubspot.contract.spec.ExampleCase;
import dev.oauthkit.hubspot.contract.spec.OperationContract;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The outcome of a server contract run: every case, the statuses seen per operation, a readable
 * summary with a coverage table, and the same as JUnit XML via {@link JUnitXml}.
 */
public final class ContractReport {

  private static final int SHOWN_FAILURES = 25;
  private static final int FIRST_PROBLEM = 160;

  private final ContractSpec spec;
  private final String baseUrl;
  private final List<CaseResult> results;
  private final Set<SeenAnswer> answers;
  private final boolean flows;
  private final long seed;
  private final String setupFailure;

  /** Creates a report; used by the contract runner. */
  public ContractReport(
      ContractSpec spec,
      String baseUrl,
      List<CaseResult> results,
      Set<SeenAnswer> answers,
      boolean flows,
      long seed) {
    this(spec, baseUrl, results, answers, flows, seed, null);
  }

  private ContractReport(
      ContractSpec spec,
      String baseUrl,
      List<CaseResult> results,
      Set<SeenAnswer> answers,
      boolean flows,
      long seed,
      String setupFailure) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    this.results = List.copyOf(results);
    this.answers = Set.copyOf(answers);
    this.flows = flows;
    this.seed = seed;
    this.setupFailure = setupFailure;
  }

  /**
   * The report of a run that could not start (e.g. the server is unreachable): one failed {@code
   * setup} case, and a summary that is the reason alone, without coverage tables.
   *
   * @param reason what is wrong, with a hint, e.g. {@code every request got 404: check --base-url}
   */
  public static ContractReport setupFailed(
      ContractSpec spec, String baseUrl, String reason, long seed) {
    Objects.requireNonNull(reason, "reason");
    CaseResult setup = new CaseResult("setup", "check " + baseUrl, "-", "-", -1, List.of(reason));
    return new ContractReport(spec, baseUrl, List.of(setup), Set.of(), false, seed, reason);
  }

  /** Every case. */
  public List<CaseResult> results() {
    return results;
  }

  /** The cases that broke the contract. */
  public List<CaseResult> failures() {
    return results.stream().filter(result -> !result.passed()).toList();
  }

  /** Whether every case kept the contract (false too when the run could not start). */
  public boolean passed() {
    return setupFailure == null && failures().isEmpty();
  }

  /** The kinds of answer seen. */
  public Set<SeenAnswer> answers() {
    return answers;
  }

  /** The spec's response examples that no answer matched (see {@link ExampleCoverage}). */
  public List<String> uncoveredExamples() {
    return spec.responseExamples().stream()
        .filter(example -> !ExampleCoverage.covered(example, answers))
        .map(example -> example.label())
        .toList();
  }

  /** Whether every documented status and every example was seen. */
  public boolean fullyCovered() {
    return uncoveredExamples().isEmpty();
  }

  /**
   * Requests sent per operationId and group, e.g. {@code {getAccessTokenMetadata={generated=1000}}}
   * (summed over versions that share an operationId).
   */
  public Map<String, Map<String, Integer>> counts() {
    return counts(results);
  }

  /** Requests sent per operationId and group, to the operations of one API version. */
  public Map<String, Map<String, Integer>> counts(String version) {
    return counts(results.stream().filter(result -> result.version().equals(version)).toList());
  }

  private static Map<String, Map<String, Integer>> counts(List<CaseResult> results) {
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

  /** The API versions checked, e.g. {@code [v1, YYYY-MM]}. */
  public List<String> versions() {
    return spec.versions();
  }

  /** Why the run could not start, if it could not (then no case ran). */
  public Optional<String> setupFailure() {
    return Optional.ofNullable(setupFailure);
  }

  /**
   * The line a run that left documented answers unchecked ends with, e.g. {@code 3 documented
   * answers were not checked: getAccessTokenMetadata 200 ..., ...}; empty when every one was seen.
   */
  public String uncheckedWarning() {
    List<String> unchecked = uncoveredExamples();
    if (unchecked.isEmpty()) {
      return "";
    }
    return unchecked.size()
        + (unchecked.size() == 1 ? " documented answer was" : " documented answers were")
        + " not checked"
        + (flows ? "" : " (no admin key: the stateful flow did not run)")
        + ": "
        + String.join(", ", unchecked);
  }

  /** The readable summary of a run without {@code --require-full-coverage}. */
  public String summary() {
    return summary(false);
  }

  /**
   * The readable summary: the versions checked, verdict and counts, coverage table, the first
   * failures and, last, {@link #lastLine(boolean)}. A run that could not start shows its reason
   * only.
   */
  public String summary(boolean requireFullCoverage) {
    StringBuilder out = new StringBuilder();
    out.append("Server contract: ").append(baseUrl).append('\n');
    out.append("API versions checked: ").append(String.join(", ", versions())).append('\n');
    if (setupFailure != null) {
      return out.append(lastLine(requireFullCoverage)).append('\n').toString();
    }
    out.append(passed() ? "PASSED" : "FAILED")
        .append(": ")
        .append(results.size() - failures().size())
        .append(" passed, ")
        .append(failures().size())
        .append(" failed (seed ")
        .append(seed)
        .append(flows ? "" : "; no admin key, stateful flow skipped")
        .append(")\n");
    for (CaseResult failure : failures()) {
      if (failure.smallestFailing() != null) {
        out.append("Property-based failure in ")
            .append(failure.operationId())
            .append(": ")
            .append(failure.smallestFailing())
            .append('\n');
      }
    }
    out.append('\n');
    out.append(coverageTable()).append('\n');
    List<CaseResult> failures = failures();
    for (int i = 0; i < Math.min(SHOWN_FAILURES, failures.size()); i++) {
      out.append("FAIL ").append(describe(failures.get(i), "\n    ")).append('\n');
    }
    if (failures.size() > SHOWN_FAILURES) {
      out.append("... and ").append(failures.size() - SHOWN_FAILURES).append(" more\n");
    }
    return out.append(lastLine(requireFullCoverage)).append('\n').toString();
  }

  /**
   * The line that says what decided the verdict: {@code FAILED: <set-up problem>}, {@code FAILED: N
   * violations (first: ...)}, {@code INCOMPLETE: --require-full-coverage and these rows were not
   * seen: ...} (only when {@code requireFullCoverage}), {@code PASSED, but N documented answers
   * were not checked ...}, or {@code PASSED: every documented status and example was seen ...}.
   */
  public String lastLine(boolean requireFullCoverage) {
    if (setupFailure != null) {
      return "FAILED: " + setupFailure;
    }
    List<CaseResult> failures = failures();
    if (!failures.isEmpty()) {
      return "FAILED: "
          + failures.size()
          + (failures.size() == 1 ? " violation" : " violations")
          + " (first: "
          + firstProblem(failures.get(0))
          + ")";
    }
    if (!fullyCovered() && requireFullCoverage) {
      return "INCOMPLETE: --require-full-coverage and these rows were not seen"
          + (flows ? "" : " (no admin key: the stateful flows did not run)")
          + ": "
          + String.join(", ", uncoveredExamples());
    }
    if (!fullyCovered()) {
      return "PASSED, but " + uncheckedWarning();
    }
    return "PASSED: every documented status and example was seen ("
        + results.size()
        + " requests, API "
        + String.join(", ", versions())
        + ")";
  }

  /** A failure on one line: the case and its first problem, cut to {@value #FIRST_PROBLEM}. */
  private static String firstProblem(CaseResult failure) {
    String problem = failure.problems().get(0).replace('\n', ' ');
    return "["
        + failure.group()
        + "] "
        + failure.operationId()
        + ": "
        + failure.name()
        + ": "
        + (problem.length() > FIRST_PROBLEM
            ? problem.substring(0, FIRST_PROBLEM) + "..."
            : problem);
  }

  private static String describe(CaseResult failure, String separator) {
    return "["
        + failure.group()
        + "] "
        + failure.operationId()
        + ": "
        + failure.name()
        + separator
        + String.join(separator, failure.problems());
  }

  /**
   * One table per API version checked (v1, then the date versions), one row per operation and
   * documented status: whether it was seen, the examples of that status matched by an answer,
   * whether it is new since the released spec ({@link SinceBaseline}), and the requests sent to the
   * operation.
   */
  public String coverageTable() {
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            "%-28s %-7s %-5s %-9s %-4s %s%n",
            "operation", "status", "seen", "examples", "new", "requests"));
    SinceBaseline baseline = SinceBaseline.packaged();
    List<ExampleCase> examples = spec.responseExamples();
    for (String version : spec.versions()) {
      table.append("API ").append(version).append('\n');
      Map<String, Map<String, Integer>> counts = counts(version);
      for (OperationContract operation : spec.operations()) {
        if (operation.version().equals(version)) {
          rows(table, operation, baseline, counts, examples);
        }
      }
    }
    table.append(SinceBaseline.LEGEND).append('\n');
    List<String> uncovered = uncoveredExamples();
    table.append(
        uncovered.isEmpty()
            ? "Every documented status and example was seen.\n"
            : "Not seen: " + String.join(", ", uncovered) + "\n");
    return table.toString();
  }

  private void rows(
      StringBuilder table,
      OperationContract operation,
      SinceBaseline baseline,
      Map<String, Map<String, Integer>> counts,
      List<ExampleCase> examples) {
    for (String status : operation.statuses()) {
      int code = Integer.parseInt(status);
      boolean hit =
          answers.stream()
              .anyMatch(
                  a ->
                      a.version().equals(operation.version())
                          && a.operationId().equals(operation.operationId())
                          && a.status() == code);
      List<ExampleCase> ofStatus =
          examples.stream()
              .filter(e -> e.operation() == operation && e.response().status() == code)
              .toList();
      long covered = ofStatus.stream().filter(e -> ExampleCoverage.covered(e, answers)).count();
      table.append(
          String.format(
              "%-28s %-7s %-5s %-9s %-4s %s%n",
              operation.operationId(),
              status,
              hit ? "yes" : "NO",
              covered + "/" + ofStatus.size(),
              baseline.mark(operation.operationId(), status),
              counts.getOrDefault(operation.operationId(), Map.of())));
    }
  }
}
