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

class UncheckedAnswersTest {

  private static final ContractSpec SPEC = ContractSpec.packaged();
  private static final List<CaseResult> ONE_PASS =
      List.of(new CaseResult("generated", "ok", "getAccessTokenMetadata", 401, List.of()));

  /** One answer matching each example, as a run against a complete server sees them. */
  private static Set<SeenAnswer> everyAnswer() {
    Set<SeenAnswer> answers = new HashSet<>();
    for (ExampleCase example : SPEC.responseExamples()) {
      OperationContract operation = example.operation();
      String status = example.body() == null ? null : text(example, "status");
      String category = example.body() == null ? null : text(example, "category");
      answers.add(
          new SeenAnswer(operation.operationId(), example.response().status(), status, category));
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
        .isEqualTo(report.uncheckedWarning())
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
}
