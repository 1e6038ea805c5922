package dev.oauthkit.hubspot.spec.changes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.spec.changes.ApiChangesGate.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The gate on the spec jar's documents: writes {@code target/api-changes.md} and fails, naming the
 * operation and field, on a client-breaking change that spec/CHANGES.md does not acknowledge.
 */
class ApiChangesGateTest {

  /** This module: surefire sets {@code basedir}; its working directory is the same. */
  private static final Path MODULE = Path.of(System.getProperty("basedir", ""));

  private static final Path REPORT = MODULE.resolve("target/api-changes.md");

  @Test
  void whenDocumentsAreComparedWithBaselinesThenEveryClientBreakingChangeIsAcknowledged()
      throws Exception {
    SpecDocuments specs = SpecDocuments.packaged();

    Outcome outcome = ApiChangesGate.run(specs, REPORT);

    String report = Files.readString(REPORT);
    assertThat(report).startsWith("# API changes since the baselines");
    assertThat(outcome.documents())
        .extracting(DocumentChanges::name)
        .contains("hubspot-oauth-v1.yaml", "hubspot-oauth-2026-03.yaml", "sandbox-admin-v1.yaml");
    assertThat(outcome.versions()).hasSize(specs.dateVersions().size() - 1);
    for (VersionChanges step : outcome.versions()) {
      assertThat(report).contains("\n## " + step.title() + "\n");
    }
    if (!outcome.passed()) {
      throw new AssertionError(outcome.message());
    }
  }

  @Test
  void whenSpecJarIsReadThenDocumentsBaselinesAndAcknowledgementsAreFound() {
    SpecDocuments specs = SpecDocuments.packaged();

    assertThat(specs.dateVersions()).contains("2026-03").isSorted().doesNotContain("v1");
    assertThat(specs.baseline("hubspot-oauth-v1.yaml")).contains("openapi: 3.1");
    assertThat(specs.changes()).contains("## hubspot-oauth-v1.yaml 1.0.0");
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
