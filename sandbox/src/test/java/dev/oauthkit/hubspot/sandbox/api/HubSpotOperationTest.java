package dev.oauthkit.hubspot.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.sandbox.web.Errors;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The one operation list against the spec documents, and how it routes raw paths. */
class HubSpotOperationTest {

  @Test
  void whenComparedWithEverySpecDocumentThenEachVersionHasExactlyItsFamilysOperations()
      throws Exception {
    ApiVersions known = ApiVersions.packaged();

    assertThat(known.names()).startsWith(ApiVersions.V1).hasSizeGreaterThan(1);
    for (String version : known.names()) {
      HubSpotOperation.Family family =
          ApiVersions.isDated(version) ? HubSpotOperation.Family.DATED : HubSpotOperation.Family.V1;
      assertThat(
              HubSpotOperation.all().stream()
                  .filter(op -> op.family() == family)
                  .map(op -> op.operationId() + " " + op.method() + " " + op.path())
                  .toList())
          .as(version)
          .containsExactlyInAnyOrderElementsOf(operations("hubspot-oauth-" + version + ".yaml"));
    }
  }

  /** The operations of a document, following a path item's $ref into another document. */
  private static Set<String> operations(String document) throws Exception {
    JsonNode paths = yaml(document).path("paths");
    Set<String> inSpec = new HashSet<>();
    for (String path : paths.propertyNames()) {
      JsonNode item = paths.path(path);
      if (item.has("$ref")) {
        String[] ref = item.path("$ref").asString().split("#", 2);
        item = yaml(ref[0]).at(ref[1]);
      }
      for (String method : item.propertyNames()) {
        JsonNode operation = item.path(method);
        if (operation.has("operationId")) {
          inSpec.add(
              operation.path("operationId").asString()
                  + " "
                  + method.toUpperCase(Locale.ROOT)
                  + " "
                  + path);
        }
      }
    }
    return inSpec;
  }

  @Test
  void whenComparedWithTheAdminSpecThenFaultsTargetExactlyTheListedOperations() throws Exception {
    JsonNode values =
        yaml("sandbox-admin-v1.yaml")
            .path("components")
            .path("schemas")
            .path("CreateFaultRequest")
            .path("properties")
            .path("operation_id")
            .path("enum");
    List<String> inSpec = values.valueStream().map(JsonNode::asString).toList();

    assertThat(HubSpotOperation.all())
        .extracting(HubSpotOperation::operationId)
        .containsExactlyInAnyOrderElementsOf(inSpec);
  }

  @Test
  void whenARawPathIsRoutedThenItsVersionAndOperationsAreFoundAndTokenPathsTakeTheRest() {
    List<String> dated = List.of("2026-03", "2026-09");

    assertThat(HubSpotOperation.route("/oauth/v1/token", dated).orElseThrow())
        .isEqualTo(
            new HubSpotOperation.Route(
                "v1", List.of(HubSpotOperation.CREATE_OR_REFRESH_ACCESS_TOKEN), "/oauth/v1/token"));
    assertThat(
            HubSpotOperation.route("/oauth/v1/refresh-tokens/a%2Fb", dated)
                .orElseThrow()
                .operations())
        .containsExactly(
            HubSpotOperation.GET_REFRESH_TOKEN_METADATA, HubSpotOperation.REVOKE_REFRESH_TOKEN);
    assertThat(HubSpotOperation.GET_ACCESS_TOKEN_METADATA.rawToken("/oauth/v1/access-tokens/x/y"))
        .isEqualTo("x/y");
    for (String version : dated) {
      assertThat(HubSpotOperation.route("/oauth/" + version + "/token/introspect", dated))
          .contains(
              new HubSpotOperation.Route(
                  version, List.of(HubSpotOperation.INTROSPECT_TOKEN), "/token/introspect"));
    }
    assertThat(HubSpotOperation.route("/oauth/v1/tokens", dated).orElseThrow().operations())
        .isEmpty();
    assertThat(
            HubSpotOperation.route("/oauth/2026-03/access-tokens/x", dated)
                .orElseThrow()
                .operations())
        .isEmpty();
    assertThat(HubSpotOperation.route("/oauth/v2/token", dated)).isEmpty();
    assertThat(HubSpotOperation.route("/oauth/2027-03/token", dated)).isEmpty();
    assertThat(HubSpotOperation.route("/oauth/token", dated)).isEmpty();
  }

  @Test
  void whenATokenPathMeetsA400ThenItIsAnsweredAsTheDocumented401() {
    assertThat(
            HubSpotOperation.GET_ACCESS_TOKEN_METADATA
                .documented(Errors.invalidRequest("bad", null))
                .httpStatus())
        .isEqualTo(401);
    assertThat(
            HubSpotOperation.CREATE_OR_REFRESH_ACCESS_TOKEN
                .documented(Errors.invalidRequest("bad", null))
                .httpStatus())
        .isEqualTo(400);
    assertThat(
            HubSpotOperation.REVOKE_REFRESH_TOKEN.documented(Errors.requestTimeout()).httpStatus())
        .isEqualTo(408);
  }

  private static JsonNode yaml(String name) throws Exception {
    try (InputStream in = HubSpotOperationTest.class.getClassLoader().getResourceAsStream(name)) {
      return YAMLMapper.builder().build().readTree(in);
    }
  }
}
