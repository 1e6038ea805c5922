package dev.oauthkit.hubspot.contract.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.contract.server.CaseResult;
import dev.oauthkit.hubspot.contract.spec.ContractSpec;
import dev.oauthkit.hubspot.contract.spec.ExampleCase;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExampleCoverageTest {

  private static final ContractSpec SPEC = ContractSpec.packagedAll();

  /** The first date version: the one whose document defines the date versions' shapes. */
  private static final String DATE = SPEC.versions().get(1);

  private static ExampleCase example(String label) {
    return SPEC.responseExamples().stream()
        .filter(example -> example.label().equals(label))
        .findFirst()
        .orElseThrow();
  }

  private static SeenAnswer error(String operationId, int status, String error) {
    return new SeenAnswer(
        SPEC.find("v1", operationId).isPresent() ? "v1" : DATE,
        operationId,
        status,
        null,
        "VALIDATION_ERROR",
        error,
        null,
        null);
  }

  @Test
  void whenAn202603ErrorExampleHasNoHubSpotStatusThenItsRfc6749ErrorMustMatch() {
    ExampleCase unauthorized = example("createToken 400 UnauthorizedClientErrorExample");
    ExampleCase invalidRequest = example("createToken 400 InvalidRequestErrorExample");

    Set<SeenAnswer> onlyInvalidRequest = Set.of(error("createToken", 400, "invalid_request"));

    assertThat(ExampleCoverage.covered(invalidRequest, onlyInvalidRequest)).isTrue();
    assertThat(ExampleCoverage.covered(unauthorized, onlyInvalidRequest)).isFalse();
    assertThat(
            ExampleCoverage.covered(
                unauthorized, Set.of(error("createToken", 400, "unauthorized_client"))))
        .isTrue();
  }

  @Test
  void whenAnExampleHasTokenUseOrActiveThenTheAnswerMustHaveTheSameValue() {
    ExampleCase inactive = example("introspectToken 200 InactiveTokenIntrospectionExample");
    ExampleCase clientCredentials =
        example("createToken 200 ClientCredentialsTokenResponseExample");
    SeenAnswer activeRecord =
        new SeenAnswer(DATE, "introspectToken", 200, null, null, null, "access_token", "true");
    SeenAnswer inactiveRecord =
        new SeenAnswer(DATE, "introspectToken", 200, null, null, null, null, "false");
    SeenAnswer codeToken =
        new SeenAnswer(DATE, "createToken", 200, null, null, null, "access_token", null);

    assertThat(ExampleCoverage.covered(inactive, Set.of(activeRecord))).isFalse();
    assertThat(ExampleCoverage.covered(inactive, Set.of(inactiveRecord))).isTrue();
    assertThat(ExampleCoverage.covered(clientCredentials, Set.of(codeToken))).isFalse();
  }

  @Test
  void whenAnAnswerIsOfAnotherVersionThenItDoesNotCoverTheExample() {
    ExampleCase inactive = example("introspectToken 200 InactiveTokenIntrospectionExample");

    assertThat(
            ExampleCoverage.covered(
                inactive,
                Set.of(
                    new SeenAnswer(
                        "1999-01", "introspectToken", 200, null, null, null, null, "false"))))
        .isFalse();
  }

  @Test
  void whenTheSpecHasTwoVersionsThenTheCoverageTableHasOneSectionPerVersion() {
    ContractReport report =
        new ContractReport(
            SPEC,
            "http://127.0.0.1:1",
            List.of(new CaseResult("generated", "ok", DATE, "introspectToken", 200, List.of())),
            Set.of(new SeenAnswer(DATE, "introspectToken", 200, null, null, null, null, "false")),
            true,
            5);

    String table = report.coverageTable();

    assertThat(table.indexOf("API v1\n")).isPositive().isLessThan(table.indexOf("API 2026-03\n"));
    assertThat(table.substring(table.indexOf("API 2026-03\n")))
        .containsPattern("introspectToken +200 +yes +1/3 +new +\\{generated=1}")
        .containsPattern("revokeToken +200 +NO +0/1 +new");
    assertThat(table.substring(0, table.indexOf("API 2026-03\n")))
        .contains("createOrRefreshAccessToken")
        .doesNotContain("introspectToken");
  }
}
