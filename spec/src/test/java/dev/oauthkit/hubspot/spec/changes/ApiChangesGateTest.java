package dev.oauthkit.hubspot.spec.changes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.spec.changes.ApiChangesGate.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The gate on this module's documents: writes {@code target/api-changes.md} and fails, naming the
 * operation and field, on a client-breaking change that spec/CHANGES.md does not acknowledge.
 */
class ApiChangesGateTest {

  /** The spec module: surefire sets {@code basedir}; its working directory is the same. */
  private static final Path MODULE = Path.of(System.getProperty("basedir", ""));

  @Test
  void whenDocumentsAreComparedWithBaselinesThenEveryClientBreakingChangeIsAcknowledged()
      throws Exception {
    Outcome outcome = ApiChangesGate.run(MODULE);

    assertThat(Files.readString(MODULE.resolve(ApiChangesGate.REPORT)))
        .startsWith("# API changes since the baselines");
    assertThat(outcome.documents())
        .extracting(DocumentChanges::name)
        .contains("hubspot-oauth-v1.yaml", "sandbox-admin-v1.yaml");
    if (!outcome.passed()) {
      throw new AssertionError(outcome.message());
    }
  }

  @Test
  void whenReadmeListsTheRulesThenEveryRuleHasItsRow() throws Exception {
    String readme = Files.readString(MODULE.resolve("README.md"));

    assertThat(Arrays.stream(Rule.values()))
        .allSatisfy(
            rule ->
                assertThat(readme)
                    .contains(
                        "| "
                            + rule.text()
                            + " | "
                            + (rule.breaksClients() ? "yes" : "no")
                            + " | "
                            + (rule.breaksServers() ? "yes" : "no")
                            + " |"));
  }
}
