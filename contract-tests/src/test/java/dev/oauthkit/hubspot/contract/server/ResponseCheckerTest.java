package dev.oauthkit.hubspot.contract.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.contract.spec.ContractSpec;
import dev.oauthkit.hubspot.contract.spec.OperationContract;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/jsonfoo",
        "application/json-patch+json",
        "application/jsonp; charset=utf-8",
        "application/json/x",
        "application/json foo",
        "text/json",
        "application/"
      })
  void whenContentTypeIsAnotherMediaTypeThenItIsAProblem(String contentType) {
    assertThat(CHECKER.check(METADATA, answer(401, contentType, ERROR)))
        .containsExactly("status 401 must be application/json, got " + contentType);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json",
        "application/json;charset=UTF-8",
        "application/json ; charset=utf-8",
        "Application/JSON",
        " application/json"
      })
  void whenContentTypeIsTheDocumentedMediaTypeWithParametersOrInAnyCaseThenItIsNoProblem(
      String contentType) {
    assertThat(CHECKER.check(METADATA, answer(401, contentType, ERROR))).isEmpty();
  }

  @Test
  void whenAStatusDocumentsARequiredHeaderAndTheAnswerLacksItThenTheProblemNamesAll()
      throws Exception {
    ContractSpec spec = retryAfter("required: true");
    ResponseChecker checker = new ResponseChecker(spec);
    OperationContract metadata = spec.operation("getAccessTokenMetadata");

    assertThat(checker.check(metadata, answer(503, "application/json", ERROR), Set.of(503)))
        .containsExactly(
            "status 503 lacks the Retry-After header (required by the spec for"
                + " getAccessTokenMetadata 503)");
  }

  @Test
  void whenTheAnswerCarriesTheRequiredHeaderInAnyCaseThenItIsNoProblem() throws Exception {
    ContractSpec spec = retryAfter("required: true");
    ResponseChecker checker = new ResponseChecker(spec);
    OperationContract metadata = spec.operation("getAccessTokenMetadata");
    Exchange withHeader =
        new Exchange(
            "test", 503, "application/json", ERROR, null, Map.of("retry-after", List.of("1")));

    assertThat(checker.check(metadata, withHeader, Set.of(503))).isEmpty();
  }

  @Test
  void whenAHeaderIsDocumentedButNotRequiredThenItsAbsenceIsNoProblem() throws Exception {
    ContractSpec spec = retryAfter("required: false");
    ResponseChecker checker = new ResponseChecker(spec);
    OperationContract metadata = spec.operation("getAccessTokenMetadata");

    assertThat(checker.check(metadata, answer(503, "application/json", ERROR), Set.of(503)))
        .isEmpty();
  }

  /** The v1 document with {@code rule} added to each documented Retry-After response header. */
  static ContractSpec retryAfter(String rule) throws IOException {
    String text;
    try (InputStream in =
        ResponseCheckerTest.class
            .getClassLoader()
            .getResourceAsStream(ContractSpec.PACKAGED_SPEC)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String header = "            Retry-After:\n";
    assertThat(text).contains(header);
    return ContractSpec.of(text.replace(header, header + "              " + rule + "\n"));
  }

  @Test
  void whenNoResponseArrivedThenTheProblemCarriesTheReason() {
    assertThat(CHECKER.check(METADATA, new Exchange("test", -1, null, "", "refused")))
        .containsExactly("no response: refused");
  }
}
