package dev.oauthkit.hubspot.contract.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.contract.spec.ContractSpec;
import dev.oauthkit.hubspot.contract.spec.OperationContract;
import org.junit.jupiter.api.Test;

class ResponseCheckerTest {

  private static final ContractSpec SPEC = ContractSpec.packaged();
  private static final ResponseChecker CHECKER = new ResponseChecker(SPEC);
  private static final OperationContract METADATA = SPEC.operation("getAccessTokenMetadata");
  private static final OperationContract REVOKE = SPEC.operation("revokeRefreshToken");
  private static final String ERROR =
      "{\"category\":\"UNAUTHORIZED\",\"correlationId\":\"aeb5f871-7f07-4993-9211-075dc63e7cbf\","
          + "\"message\":\"m\"}";

  private static Exchange answer(int status, String contentType, String body) {
    return new Exchange("test", status, contentType, body, null);
  }

  @Test
  void whenResponseIsDocumentedAndValidThenThereAreNoProblems() {
    assertThat(CHECKER.check(METADATA, answer(401, "application/json", ERROR))).isEmpty();
    assertThat(CHECKER.check(REVOKE, answer(204, null, ""))).isEmpty();
  }

  @Test
  void whenStatusIsNotDocumentedThenTheProblemListsTheDocumentedOnes() {
    assertThat(CHECKER.check(METADATA, answer(404, "application/json", ERROR)))
        .singleElement()
        .asString()
        .contains("status 404 is not documented for getAccessTokenMetadata")
        .contains("200, 401, 500");
  }

  @Test
  void whenServerAnswers5xxThenItIsAProblemEvenIfDocumented() {
    assertThat(CHECKER.check(METADATA, answer(500, "application/json", ERROR)))
        .anyMatch(problem -> problem.startsWith("server error 500"));
  }

  @Test
  void whenTheCaseAskedForTheServerErrorThenItIsNoProblem() {
    assertThat(
            CHECKER.check(METADATA, answer(500, "application/json", ERROR), java.util.Set.of(500)))
        .isEmpty();
  }

  @Test
  void whenBodyIsHtmlThenTheProblemSaysItIsNotJson() {
    assertThat(CHECKER.check(METADATA, answer(401, "text/html", "<html>Unauthorized</html>")))
        .anyMatch(problem -> problem.contains("must be application/json, got text/html"))
        .anyMatch(problem -> problem.contains("body is not JSON"));
  }

  @Test
  void whenErrorBodyLacksARequiredFieldThenTheProblemNamesIt() {
    assertThat(CHECKER.check(METADATA, answer(401, "application/json", "{\"message\":\"m\"}")))
        .anyMatch(problem -> problem.contains("category"))
        .anyMatch(problem -> problem.contains("correlationId"));
  }

  @Test
  void whenNoContentResponseHasABodyThenItIsAProblem() {
    assertThat(CHECKER.check(REVOKE, answer(204, "application/json", "{}")))
        .singleElement()
        .asString()
        .contains("documents no body");
  }

  @Test
  void whenNoResponseArrivedThenTheProblemCarriesTheReason() {
    assertThat(CHECKER.check(METADATA, new Exchange("test", -1, null, "", "refused")))
        .containsExactly("no response: refused");
  }
}
