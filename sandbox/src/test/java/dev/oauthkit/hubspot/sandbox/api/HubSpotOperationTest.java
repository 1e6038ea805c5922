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
  void whenComparedWithBothSpecsThenEveryOperationIsListedWithItsVersionMethodAndPath()
      throws Exception {
    Set<String> inSpec = new HashSet<>();
    for (HubSpotOperation.Version version : HubSpotOperation.Version.values()) {
      inSpec.addAll(operations(version));
    }

    assertThat(HubSpotOperation.all())
        .extracting(
            op -> op.version() + " " + op.operationId() + " " + op.method() + " " + op.path())
        .containsExactlyInAnyOrderElementsOf(inSpec);
  }

  private static Set<String> operations(HubSpotOperation.Version version) throws Exception {
    JsonNode paths = yaml(version.document()).path("paths");
    Set<String> inSpec = new HashSet<>();
    for (String path : paths.propertyNames()) {
      for (String method : paths.path(path).propertyNames()) {
        JsonNode operation = paths.path(path).path(method);
        if (operation.has("operationId")) {
          inSpec.add(
              version
                  + " "
                  + operation.path("operationId").asString()
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
  void whenARawPathIsMatchedThenTokenPathsTakeTheRestAsTheToken() {
    assertThat(HubSpotOperation.matching("/oauth/v1/token"))
        .containsExactly(HubSpotOperation.CREATE_OR_REFRESH_ACCESS_TOKEN);
    assertThat(HubSpotOperation.matching("/oauth/v1/refresh-tokens/a%2Fb"))
        .containsExactly(
            HubSpotOperation.GET_REFRESH_TOKEN_METADATA, HubSpotOperation.REVOKE_REFRESH_TOKEN);
    assertThat(HubSpotOperation.GET_ACCESS_TOKEN_METADATA.rawToken("/oauth/v1/access-tokens/x/y"))
        .isEqualTo("x/y");
    assertThat(HubSpotOperation.matching("/oauth/v1/tokens")).isEmpty();
    assertThat(HubSpotOperation.matching("/oauth/v2/token")).isEmpty();
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
