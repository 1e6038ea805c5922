package dev.oauthkit.hubspot.spec.changes;

import static dev.oauthkit.hubspot.spec.changes.ScratchSpec.HUBSPOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauthkit.hubspot.spec.changes.ApiChangesGate.Outcome;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The gate on scratch copies of the HubSpot spec, each with one edit against the packaged one. */
class ApiChangesTest {

  private static final String BASELINE = ScratchSpec.packaged(HUBSPOT);

  /** v1 without {@code AccessTokenMetadata.hub_id}, its {@code info.version} raised to 2.0.0. */
  private static final Consumer<ObjectNode> REMOVE_HUB_ID_AND_BUMP =
      root -> {
        ScratchSpec.removeField(root, "AccessTokenMetadata", "hub_id");
        ScratchSpec.object(root, "/info").put("version", "2.0.0");
      };

  private static Outcome gate(Consumer<ObjectNode> edit, Acknowledgements acknowledgements) {
    String current = ScratchSpec.edited(HUBSPOT, edit);
    return ApiChangesGate.check(
        List.of(DocumentChanges.compare(HUBSPOT, BASELINE, current)), List.of(), acknowledgements);
  }

  private static Outcome gate(Consumer<ObjectNode> edit) {
    return gate(edit, Acknowledgements.none());
  }

  private static List<ApiChange> changes(Outcome outcome) {
    return outcome.document(HUBSPOT).changes();
  }

  @Test
  void whenRequiredResponseFieldIsRemovedThenGateFailsNamingOperationAndField() {
    Outcome outcome = gate(root -> ScratchSpec.removeField(root, "AccessTokenMetadata", "hub_id"));

    assertThat(outcome.passed()).isFalse();
    assertThat(outcome.message())
        .contains(
            "hubspot-oauth-v1.yaml: getAccessTokenMetadata (GET /oauth/v1/access-tokens/{token})"
                + " response 200 `hub_id`: response field removed")
        .contains("- getAccessTokenMetadata response 200 `hub_id`: response field removed");
    assertThat(changes(outcome))
        .extracting(ApiChange::rule, ApiChange::subject)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Rule.RESPONSE_FIELD_REMOVED, "hub_id"));
  }

  @Test
  void whenOptionalResponseFieldIsAddedThenGatePassesAndListsItAsNonBreaking() {
    Outcome outcome =
        gate(root -> ScratchSpec.addField(root, "AccessTokenMetadata", "portal_name", false));

    assertThat(outcome.passed()).as(outcome.message()).isTrue();
    assertThat(changes(outcome)).hasSize(1);
    ApiChange change = changes(outcome).get(0);
    assertThat(change.rule()).isEqualTo(Rule.RESPONSE_FIELD_ADDED_OPTIONAL);
    assertThat(change.operation()).isEqualTo("getAccessTokenMetadata");
    assertThat(change.subject()).isEqualTo("portal_name");
    assertThat(ApiChangesReport.markdown(outcome))
        .contains(
            "| getAccessTokenMetadata (GET /oauth/v1/access-tokens/{token}) | response 200 |"
                + " `portal_name` | optional response field added | no | no | openapi-diff |");
  }

  @Test
  void whenRequiredRequestFieldIsAddedThenGateFailsNamingOperationAndField() {
    Outcome outcome = gate(root -> ScratchSpec.addField(root, "TokenRequest", "scope", true));

    assertThat(outcome.passed()).isFalse();
    assertThat(outcome.message())
        .contains("createOrRefreshAccessToken (POST /oauth/v1/token) request `scope`")
        .contains("required request field added");
  }

  @Test
  void whenOperationIsAddedThenGatePassesAndListsIt() {
    Outcome outcome =
        gate(
            root ->
                ScratchSpec.object(root, "/paths")
                    .putObject("/oauth/v1/token-info/{token}")
                    .putObject("get")
                    .put("operationId", "getTokenInfo")
                    .putObject("responses")
                    .putObject("204")
                    .put("description", "Known token"));

    assertThat(outcome.passed()).as(outcome.message()).isTrue();
    assertThat(changes(outcome))
        .extracting(ApiChange::rule, ApiChange::operationLabel)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Rule.OPERATION_ADDED, "getTokenInfo (GET /oauth/v1/token-info/{token})"));
    assertThat(ApiChangesReport.markdown(outcome)).contains("### Added").contains("getTokenInfo");
  }

  @Test
  void whenBreakingChangeIsAcknowledgedUnderTheNewVersionThenGatePasses() {
    Acknowledgements acknowledgements =
        Acknowledgements.parse(
            """
            # Changes
            ## hubspot-oauth-v1.yaml 2.0.0
            - getAccessTokenMetadata response 200 `hub_id`: response field removed (use hub_domain)
            """);

    Outcome outcome = gate(REMOVE_HUB_ID_AND_BUMP, acknowledgements);

    assertThat(outcome.passed()).as(outcome.message()).isTrue();
    assertThat(outcome.acknowledged()).extracting(ApiChange::subject).containsExactly("hub_id");
    assertThat(ApiChangesReport.markdown(outcome)).contains("yes (acknowledged)");
  }

  @Test
  void whenAcknowledgementIsUnderAnOldVersionThenGateStillFails() {
    Acknowledgements stale =
        Acknowledgements.parse(
            "## hubspot-oauth-v1.yaml 1.0.0\n"
                + "- getAccessTokenMetadata response 200 `hub_id`: response field removed\n");

    Outcome outcome =
        gate(root -> ScratchSpec.removeField(root, "AccessTokenMetadata", "hub_id"), stale);

    assertThat(outcome.passed()).isFalse();
    assertThat(outcome.message()).contains("still has info.version 1.0.0, as in its baseline");
  }

  @Test
  void whenAcknowledgementNamesAnotherFieldThenGateStillFails() {
    Acknowledgements other =
        Acknowledgements.parse(
            "## hubspot-oauth-v1.yaml 2.0.0\n"
                + "- getAccessTokenMetadata response 200 `app_id`: response field removed\n");

    assertThat(gate(REMOVE_HUB_ID_AND_BUMP, other).failures())
        .singleElement()
        .asString()
        .contains("hub_id");
  }

  @Test
  void whenTheAcknowledgedLineIsWrappedThenItStillCoversTheChange() {
    Acknowledgements wrapped =
        Acknowledgements.parse(
            "## hubspot-oauth-v1.yaml 2.0.0\n"
                + "- getAccessTokenMetadata response 200 `hub_id`:\n"
                + "  response field removed (HubSpot dropped it)\n");

    assertThat(gate(REMOVE_HUB_ID_AND_BUMP, wrapped).passed()).isTrue();
  }

  @Test
  void whenAnIndentedLineFollowsAnotherHeadingThenItContinuesNoOlderItem() {
    Acknowledgements older =
        Acknowledgements.parse(
            "## hubspot-oauth-v1.yaml 1.5.0\n"
                + "- getAccessTokenMetadata response 200 `hub_id`: response field removed\n"
                + "\n"
                + "## hubspot-oauth-v1.yaml 2.0.0\n"
                + "\n"
                + "    (nothing acknowledged yet)\n");

    assertThat(gate(REMOVE_HUB_ID_AND_BUMP, older).passed()).isFalse();
  }

  @Test
  void whenTheAcknowledgedLineNamesAnotherRuleOfTheSameFieldThenGateStillFails() {
    // The operation and the field are right; the rule is not the one that changed.
    Acknowledgements otherRule =
        Acknowledgements.parse(
            "## hubspot-oauth-v1.yaml 2.0.0\n"
                + "- getAccessTokenMetadata response 200 `hub_id`: response field made optional\n");

    Outcome outcome = gate(REMOVE_HUB_ID_AND_BUMP, otherRule);

    assertThat(outcome.passed()).isFalse();
    assertThat(outcome.failures()).singleElement().asString().contains("response field removed");
  }

  @Test
  void whenDocumentHasNoBaselineThenItIsNewWithEveryOperationAddedAndPasses() {
    Outcome outcome =
        ApiChangesGate.check(
            List.of(DocumentChanges.compare("hubspot-oauth-2026-03.yaml", null, BASELINE)),
            List.of(),
            Acknowledgements.none());

    assertThat(outcome.passed()).isTrue();
    DocumentChanges document = outcome.document("hubspot-oauth-2026-03.yaml");
    assertThat(document.status()).isEqualTo(DocumentChanges.Status.NEW);
    assertThat(document.changes())
        .extracting(ApiChange::operation)
        .containsExactlyInAnyOrder(
            "getAccessTokenMetadata",
            "getRefreshTokenMetadata",
            "revokeRefreshToken",
            "createOrRefreshAccessToken");
    assertThat(ApiChangesReport.markdown(outcome))
        .contains("New document (no baseline yet), all 4 operations added");
  }

  @Test
  void whenUnchangedThenThereAreNoChanges() {
    assertThat(DocumentChanges.compare(HUBSPOT, BASELINE, BASELINE).changes()).isEmpty();
  }
}
