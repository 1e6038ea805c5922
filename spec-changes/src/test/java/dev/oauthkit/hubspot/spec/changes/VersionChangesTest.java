package dev.oauthkit.hubspot.spec.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.oauthkit.hubspot.spec.changes.ApiChangesGate.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each date version compared with the one before it, on the 2026-03 document of the spec jar and
 * the 2026-09 draft (a short document whose path items {@code $ref} 2026-03's), or changed copies.
 */
class VersionChangesTest {

  private static final String V1 = "hubspot-oauth-v1.yaml";
  private static final String V2603 = "hubspot-oauth-2026-03.yaml";
  private static final String V2609 = "hubspot-oauth-2026-09.yaml";
  private static final String DRAFT_2609 = ScratchSpec.packaged("versions/" + V2609);

  private static SpecDocuments specs(Map<String, String> documents) {
    return SpecDocuments.of(documents, Map.of(), "");
  }

  private static String report(SpecDocuments specs) {
    Outcome outcome =
        ApiChangesGate.check(List.of(), VersionChanges.between(specs), Acknowledgements.none());
    return ApiChangesReport.markdown(outcome);
  }

  @Test
  void whenNextVersionRefersToThePreviousPathItemsThenSectionSaysNoChangeInShapes() {
    SpecDocuments specs =
        specs(
            Map.of(
                V1, ScratchSpec.packaged(V1),
                V2603, ScratchSpec.packaged(V2603),
                V2609, DRAFT_2609));

    List<VersionChanges> steps = VersionChanges.between(specs);

    assertThat(steps).extracting(VersionChanges::title).containsExactly("2026-03 -> 2026-09");
    assertThat(steps.get(0).changes()).isEmpty();
    assertThat(steps.get(0).server()).isEqualTo("https://api.hubapi.com/oauth/2026-09");
    assertThat(report(specs))
        .contains(
            "\n## 2026-03 -> 2026-09\n\nWhat changes for a client that moves from 2026-03 to"
                + " 2026-09: the server URL, `https://api.hubapi.com/oauth/2026-03` ->"
                + " `https://api.hubapi.com/oauth/2026-09`, and no change in shapes.\n");
  }

  @Test
  void whenShortDocumentIsReadThenItsReferredOperationsAreThere() {
    SpecDocuments specs = specs(Map.of(V2603, ScratchSpec.packaged(V2603), V2609, DRAFT_2609));

    DocumentChanges asNew = DocumentChanges.compare(V2609, null, specs.document(V2609));

    assertThat(asNew.changes())
        .extracting(ApiChange::operationLabel)
        .containsExactlyInAnyOrder(
            "createToken (POST /token)",
            "introspectToken (POST /token/introspect)",
            "revokeToken (POST /token/revoke)");
  }

  @Test
  void whenNextVersionRemovesAResponseFieldThenSectionNamesItAsBreakingClients() {
    String changed =
        ScratchSpec.edited(
            V2603,
            root -> {
              ScratchSpec.object(root, "/info").put("version", "2026-09");
              ScratchSpec.object(root, "/servers/0")
                  .put("url", "https://api.hubapi.com/oauth/2026-09");
              ScratchSpec.removeField(root, "TokenIntrospection", "hub_domain");
            });
    SpecDocuments specs = specs(Map.of(V2603, ScratchSpec.packaged(V2603), V2609, changed));

    VersionChanges step = VersionChanges.compare(specs, "2026-03", "2026-09");

    assertThat(step.changes())
        .extracting(
            ApiChange::operationLabel, ApiChange::where, ApiChange::subject, ApiChange::rule)
        .containsExactly(
            tuple(
                "introspectToken (POST /token/introspect)",
                "response 200",
                "hub_domain",
                Rule.RESPONSE_FIELD_REMOVED));
    assertThat(report(specs))
        .contains("and 1 change(s) in shapes, 1 breaking clients built on 2026-03.\n")
        .contains(
            "| introspectToken (POST /token/introspect) | response 200 | `hub_domain` |"
                + " response field removed | yes | no | openapi-diff |");
  }

  @Test
  void whenThreeDateVersionsAndV1ArePackagedThenEachDateVersionIsComparedWithThePreviousOne() {
    String v2703 =
        DRAFT_2609
            .replace("oauth/2026-09", "oauth/2027-03")
            .replace("2026-03.yaml", "2026-09.yaml");
    SpecDocuments specs =
        specs(
            Map.of(
                V1,
                ScratchSpec.packaged(V1),
                "sandbox-admin-v1.yaml",
                ScratchSpec.packaged("sandbox-admin-v1.yaml"),
                V2603,
                ScratchSpec.packaged(V2603),
                V2609,
                DRAFT_2609,
                "hubspot-oauth-2027-03.yaml",
                v2703));

    List<VersionChanges> steps = VersionChanges.between(specs);

    assertThat(steps)
        .extracting(VersionChanges::title)
        .containsExactly("2026-03 -> 2026-09", "2026-09 -> 2027-03");
    assertThat(steps).allSatisfy(step -> assertThat(step.changes()).isEmpty());
    assertThat(report(specs)).doesNotContain("## v1 ->");
  }

  @Test
  void whenFewerThanTwoDateVersionsThenReportSaysThereIsNothingToCompare() {
    SpecDocuments specs =
        specs(Map.of(V1, ScratchSpec.packaged(V1), V2603, ScratchSpec.packaged(V2603)));

    assertThat(VersionChanges.between(specs)).isEmpty();
    assertThat(report(specs)).contains("Fewer than two date versions: nothing to compare yet.");
  }

  @Test
  void whenPathItemRefersToAMissingDocumentThenReadingItFailsNamingIt() {
    SpecDocuments specs = specs(Map.of(V2609, DRAFT_2609));

    assertThatThrownBy(() -> specs.document(V2609))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name hubspot-oauth-2026-03.yaml: no such document in the set");
  }

  @Test
  void whenShortDocumentDefinesAComponentOfTheReferredDocumentDifferentlyThenReadingItFails() {
    String clash = DRAFT_2609 + "components:\n  schemas:\n    Error:\n      type: object\n";
    SpecDocuments specs = specs(Map.of(V2603, ScratchSpec.packaged(V2603), V2609, clash));

    assertThatThrownBy(() -> specs.document(V2609))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "name hubspot-oauth-2026-09.yaml: components.schemas.Error differs from the one of the"
                + " document its path items refer to");
  }

  @Test
  void whenPathItemRefersToTheDocumentWithADotSlashThenItIsResolvedTheSame() {
    String dotted =
        DRAFT_2609.replace("'hubspot-oauth-2026-03.yaml#", "'./hubspot-oauth-2026-03.yaml#");
    SpecDocuments specs = specs(Map.of(V2603, ScratchSpec.packaged(V2603), V2609, dotted));

    assertThat(VersionChanges.compare(specs, "2026-03", "2026-09").changes()).isEmpty();
  }
}
