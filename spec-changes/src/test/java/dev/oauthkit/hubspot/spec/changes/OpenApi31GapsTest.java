package dev.oauthkit.hubspot.spec.changes;

import static dev.oauthkit.hubspot.spec.changes.ScratchSpec.HUBSPOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Changes openapi-diff 2.1.2 does not see on OpenAPI 3.1 documents, found by {@link SchemaGaps}:
 * each test would list nothing without it.
 */
class OpenApi31GapsTest {

  private static final String BASELINE = ScratchSpec.packaged(HUBSPOT);

  private static List<ApiChange> changes(Consumer<ObjectNode> edit) {
    return DocumentChanges.compare(HUBSPOT, BASELINE, ScratchSpec.edited(HUBSPOT, edit)).changes();
  }

  @Test
  void whenResponseFieldBecomesNullableThroughTypeArrayThenItBreaksClients() {
    List<ApiChange> changes =
        changes(
            root ->
                ScratchSpec.object(
                        root, "/components/schemas/AccessTokenMetadata/properties/hub_domain")
                    .putArray("type")
                    .add("string")
                    .add("null"));

    assertThat(changes)
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.rule()).isEqualTo(Rule.RESPONSE_TYPE_WIDENED);
              assertThat(change.subject()).isEqualTo("hub_domain");
              assertThat(change.detail()).isEqualTo("[string] -> [string, null]");
              assertThat(change.source()).isEqualTo(ApiChange.OWN);
              assertThat(change.rule().breaksClients()).isTrue();
            });
  }

  @Test
  void whenAFreeTextRequestFieldGetsAnEnumThenItIsRestrictedAndBreaksClients() {
    List<ApiChange> changes =
        changes(
            root ->
                ScratchSpec.object(root, "/components/schemas/TokenRequest/properties/redirect_uri")
                    .putArray("enum")
                    .add("https://app.example.com/callback"));

    assertThat(changes)
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.rule()).isEqualTo(Rule.REQUEST_VALUES_RESTRICTED);
              assertThat(change.subject()).isEqualTo("redirect_uri");
              assertThat(change.rule().breaksClients()).isTrue();
            });
  }

  @Test
  void whenAResponseFieldLosesItsTypeOrAnArrayItsItemsThenItIsWidenedAndBreaksClients() {
    List<ApiChange> changes =
        changes(
            root -> {
              ScratchSpec.object(root, "/components/schemas/AccessTokenMetadata/properties/hub_id")
                  .remove("type");
              ScratchSpec.object(root, "/components/schemas/AccessTokenMetadata/properties/scopes")
                  .remove("items");
            });

    assertThat(changes)
        .extracting(ApiChange::rule, ApiChange::subject, ApiChange::detail)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                Rule.RESPONSE_TYPE_WIDENED, "hub_id", "[integer] -> any type"),
            org.assertj.core.groups.Tuple.tuple(
                Rule.RESPONSE_TYPE_WIDENED, "scopes", "items removed (any item)"));
    assertThat(changes).allSatisfy(change -> assertThat(change.rule().breaksClients()).isTrue());
  }

  @Test
  void whenAConditionIsAddedToTheRequestThenItBreaksClients() {
    List<ApiChange> changes =
        changes(
            root -> {
              ObjectNode request = ScratchSpec.object(root, "/components/schemas/TokenRequest");
              request.putObject("dependentRequired").putArray("refresh_token").add("redirect_uri");
              ObjectNode condition = request.putObject("if");
              condition
                  .putObject("properties")
                  .putObject("grant_type")
                  .put("const", "refresh_token");
              request.putObject("then").putArray("required").add("redirect_uri");
            });

    assertThat(changes)
        .extracting(ApiChange::rule, ApiChange::detail)
        .contains(
            org.assertj.core.groups.Tuple.tuple(Rule.CONDITION_CHANGED, "if added"),
            org.assertj.core.groups.Tuple.tuple(Rule.CONDITION_CHANGED, "then added"),
            org.assertj.core.groups.Tuple.tuple(
                Rule.CONDITION_CHANGED, "dependentRequired {} -> {refresh_token=[redirect_uri]}"));
    assertThat(changes).allSatisfy(change -> assertThat(change.rule().breaksClients()).isTrue());
  }

  @Test
  void whenAllOfEntriesOnlySwapPlacesThenNothingChanged() {
    List<ApiChange> changes =
        changes(
            root -> {
              com.fasterxml.jackson.databind.node.ArrayNode allOf =
                  (com.fasterxml.jackson.databind.node.ArrayNode)
                      ScratchSpec.object(root, "/components/schemas/TokenRequest").get("allOf");
              com.fasterxml.jackson.databind.JsonNode first = allOf.remove(0);
              allOf.add(first);
            });

    assertThat(changes).isEmpty();
  }

  @Test
  void whenARuleBehindASharedRefChangesThenItIsStillFound() {
    Consumer<ObjectNode> ruleAsComponent =
        root -> {
          com.fasterxml.jackson.databind.node.ArrayNode allOf =
              (com.fasterxml.jackson.databind.node.ArrayNode)
                  ScratchSpec.object(root, "/components/schemas/CreateTokenRequest").get("allOf");
          ScratchSpec.object(root, "/components/schemas").set("CodeRule", allOf.get(0));
          allOf.set(0, allOf.objectNode().put("$ref", "#/components/schemas/CodeRule"));
        };
    Consumer<ObjectNode> moreRequired =
        ruleAsComponent.andThen(
            root ->
                ((com.fasterxml.jackson.databind.node.ArrayNode)
                        ScratchSpec.object(root, "/components/schemas/CodeRule/then")
                            .get("required"))
                    .add("client_assertion"));
    String dated = "hubspot-oauth-2026-03.yaml";

    List<ApiChange> changes =
        DocumentChanges.compare(
                dated,
                ScratchSpec.edited(dated, ruleAsComponent),
                ScratchSpec.edited(dated, moreRequired))
            .changes();

    assertThat(changes)
        .extracting(ApiChange::rule, ApiChange::subject)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                Rule.REQUEST_FIELD_NOW_REQUIRED, "client_assertion"));
  }

  @Test
  void whenRequestFieldTypeChangesThenItBreaksBothSides() {
    List<ApiChange> changes =
        changes(
            root ->
                ScratchSpec.object(root, "/components/schemas/TokenRequest/properties/client_id")
                    .put("type", "integer"));

    assertThat(changes)
        .extracting(ApiChange::rule, ApiChange::subject)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Rule.TYPE_CHANGED, "client_id"));
  }

  @Test
  void whenConstOfAGrantRuleChangesThenItIsListed() {
    List<ApiChange> changes =
        changes(
            root ->
                ScratchSpec.object(
                        root, "/components/schemas/TokenRequest/allOf/1/if/properties/grant_type")
                    .put("const", "refresh"));

    assertThat(changes)
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.rule()).isEqualTo(Rule.CONST_CHANGED);
              assertThat(change.subject()).isEqualTo("grant_type");
              assertThat(change.detail()).isEqualTo("in allOf[1].if: refresh_token -> refresh");
            });
  }

  @Test
  void whenConditionallyRequiredRequestFieldIsAddedThenItBreaksClients() {
    List<ApiChange> changes =
        changes(
            root ->
                ((com.fasterxml.jackson.databind.node.ArrayNode)
                        root.at("/components/schemas/TokenRequest/allOf/1/then/required"))
                    .add("client_id"));

    assertThat(changes)
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.rule()).isEqualTo(Rule.REQUEST_FIELD_NOW_REQUIRED);
              assertThat(change.subject()).isEqualTo("client_id");
              assertThat(change.detail()).isEqualTo("in allOf[1].then");
            });
  }

  @Test
  void whenFieldOfArrayItemsIsRemovedThenEveryErrorResponseListsIt() {
    List<ApiChange> changes = changes(root -> ScratchSpec.removeField(root, "ErrorDetail", "code"));

    assertThat(changes)
        .isNotEmpty()
        .allSatisfy(
            change -> {
              assertThat(change.rule()).isEqualTo(Rule.RESPONSE_FIELD_REMOVED);
              assertThat(change.subject()).isEqualTo("errors[].code");
            });
    assertThat(changes)
        .extracting(ApiChange::operation, ApiChange::where)
        .contains(
            org.assertj.core.groups.Tuple.tuple("createOrRefreshAccessToken", "response 400"));
  }

  @Test
  void whenArrayItemTypeChangesThenItIsListed() {
    List<ApiChange> changes =
        changes(
            root ->
                ScratchSpec.object(
                        root, "/components/schemas/AccessTokenMetadata/properties/scopes/items")
                    .put("type", "integer"));

    assertThat(changes)
        .extracting(ApiChange::rule, ApiChange::subject)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Rule.TYPE_CHANGED, "scopes[]"));
  }
}
