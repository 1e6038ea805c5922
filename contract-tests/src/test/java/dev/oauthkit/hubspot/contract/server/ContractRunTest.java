package dev.oauthkit.hubspot.contract.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.contract.report.SeenAnswer;
import dev.oauthkit.hubspot.contract.spec.ContractSpec;
import dev.oauthkit.hubspot.contract.spec.OperationContract;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContractRunTest {

  private static final ContractSpec SPEC = ContractSpec.packaged();
  private static final OperationContract METADATA = SPEC.operation("getAccessTokenMetadata");
  private static final String ERROR =
      "{\"category\":\"UNAUTHORIZED\",\"correlationId\":\"aeb5f871-7f07-4993-9211-075dc63e7cbf\","
          + "\"message\":\"m\"}";

  private static SeenAnswer seen(String body) {
    ContractRun run = new ContractRun(SPEC, HttpProbe.of("http://127.0.0.1:1"));
    Exchange exchange = new Exchange("test", 401, "application/json", body, null);
    run.record("bad-input", METADATA, new ContractRun.Attempt(exchange, List.of(), 0), null);
    return run.answers().iterator().next();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\n", " \r\n\t ", "\uFEFF", "\uFEFF\n  "})
  void whenJsonBodyStartsWithWhitespaceOrABomThenItsFieldsCountForCoverage(String prefix) {
    assertThat(seen(prefix + ERROR))
        .isEqualTo(
            new SeenAnswer(
                METADATA.version(), "getAccessTokenMetadata", 401, null, "UNAUTHORIZED"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "<html>Unauthorized</html>", "{\"category\":", "[\"UNAUTHORIZED\"]"})
  void whenBodyIsNotAJsonObjectThenTheAnswerHasOnlyItsStatus(String body) {
    assertThat(seen(body))
        .isEqualTo(new SeenAnswer(METADATA.version(), "getAccessTokenMetadata", 401, null, null));
  }
}
