package dev.oauthkit.hubspot.contract.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.contract.server.CaseResult;
import dev.oauthkit.hubspot.contract.spec.ContractSpec;
import dev.oauthkit.hubspot.contract.spec.ExampleCase;
import dev.oauthkit.hubspot.contract.spec.OperationContract;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The summary's last line always says what decided the verdict, and its first lines the versions.
 */
class LastLineTest {

  private static final ContractSpec SPEC = ContractSpec.packaged();
  private static final List<CaseResult> ONE_PASS =
      List.of(new CaseResult("generated", "ok", "v1", "getAccessTokenMetadata", 401, List.of()));

  /** One answer matching each example, as a run against a complete server sees them. */
  private static Set<SeenAnswer> everyAnswer() {
    Set<SeenAnswer> answers = new HashSet<>();
    for (ExampleCase example : SPEC.responseExamples()) {
      OperationContract operation = example.operation();
      String status = example.body() == null ? null : text(example, "status");
      String category = example.body() == null ? null : text(example, "category");
      answers.add(
          new SeenAnswer(
              operation.version(),
              operation.operationId(),
              example.response().status(),
              status,
              category));
    }
    return answers;
  }

  private static String text(ExampleCase example, String field) {
    return example.body().has(field) ? example.body().get(field).asString() : null;
  }

  @Test
  void whenSomeDocumentedAnswersWereNotSeenThenTheSummaryEndsByNamingThem() {
    Set<SeenAnswer> answers = everyAnswer();
    answers.removeIf(answer -> answer.status() == 200 || answer.status() == 204);
    ContractReport report =
        new ContractReport(SPEC, "http://127.0.0.1:1", ONE_PASS, answers, false, 5);

    String[] lines = report.summary().split("\n");

    assertThat(report.passed()).isTrue();
    assertThat(report.fullyCovered()).isFalse();
    assertThat(lines[lines.length - 1])
        .isEqualTo("PASSED, but " + report.uncheckedWarning())
        .startsWith(
            "PASSED, but 4 documented answers were not checked (no admin key: the stateful flow did"
                + " not run): ");
    assertThat(report.uncheckedWarning())
        .startsWith(
            "4 documented answers were not checked (no admin key: the stateful flow did not run): ")
        .contains(
            "getAccessTokenMetadata 200 AccessTokenMetadataSuccessExample",
            "revokeRefreshToken 204",
            "createOrRefreshAccessToken 200 TokenResponseSuccessExample");
  }

  @Test
  void whenEveryDocumentedAnswerWasSeenThenThereIsNoWarning() {
    ContractReport report =
        new ContractReport(SPEC, "http://127.0.0.1:1", ONE_PASS, everyAnswer(), true, 5);

    assertThat(report.fullyCovered()).isTrue();
    assertThat(report.uncheckedWarning()).isEmpty();
    assertThat(report.summary()).doesNotContain("not checked");
  }

  @Test
  void whenCoverageIsRequiredAndIncompleteThenTheLastLineNamesTheRowsNotSeen() {
    Set<SeenAnswer> answers = everyAnswer();
    answers.removeIf(answer -> answer.status() == 204);
    ContractReport report =
        new ContractReport(SPEC, "http://127.0.0.1:1", ONE_PASS, answers, true, 5);

    String[] lines = report.summary(true).split("\n");

    assertThat(lines[lines.length - 1])
        .isEqualTo(report.lastLine(true))
        .isEqualTo(
            "INCOMPLETE: --require-full-coverage and these rows were not seen: revokeRefreshToken"
                + " 204");
    assertThat(report.lastLine(false))
        .startsWith("PASSED, but 1 documented answer was not checked");
  }

  @Test
  void whenACaseFailedThenTheLastLineCountsTheViolationsAndNamesTheFirst() {
    List<CaseResult> results =
        List.of(
            new CaseResult(
                "flow", "refresh", "v1", "createOrRefreshAccessToken", 500, List.of("5xx")),
            new CaseResult("generated", "ok", "v1", "getAccessTokenMetadata", 401, List.of()),
            new CaseResult(
                "bad-input", "empty body", "v1", "revokeRefreshToken", 200, List.of("200")));
    ContractReport report =
        new ContractReport(SPEC, "http://127.0.0.1:1", results, everyAnswer(), true, 5);

    String[] lines = report.summary(true).split("\n");

    assertThat(lines[lines.length - 1])
        .isEqualTo("FAILED: 2 violations (first: [flow] createOrRefreshAccessToken: refresh: 5xx)");
  }

  @Test
  void whenEveryAnswerWasSeenThenTheLastLineSaysPassedAndTheFirstLinesNameTheVersions() {
    ContractReport report =
        new ContractReport(SPEC, "http://127.0.0.1:1", ONE_PASS, everyAnswer(), true, 5);

    String[] lines = report.summary(true).split("\n");

    assertThat(lines[1]).isEqualTo("API versions checked: v1");
    assertThat(lines[lines.length - 1])
        .isEqualTo("PASSED: every documented status and example was seen (1 requests, API v1)");
  }

  @Test
  void whenTheRunCouldNotStartThenTheSummaryIsTheReasonWithoutATable() {
    ContractReport report =
        ContractReport.setupFailed(SPEC, "http://127.0.0.1:1", "cannot reach it: hint", 5);

    assertThat(report.passed()).isFalse();
    assertThat(report.summary(true))
        .isEqualTo(
            "Server contract: http://127.0.0.1:1\n"
                + "API versions checked: v1\n"
                + "FAILED: cannot reach it: hint\n");
    assertThat(report.failures()).extracting(CaseResult::group).containsExactly("setup");
  }
}
