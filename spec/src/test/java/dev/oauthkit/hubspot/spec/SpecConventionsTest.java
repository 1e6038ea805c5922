package dev.oauthkit.hubspot.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.spec.SpecDocument.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;

/** House rules that generators and readers rely on. */
class SpecConventionsTest {

  private static final SpecDocument SPEC = SpecDocument.packaged();
  private static final SpecDocument SPEC_2026 = SpecDocument.packaged(SpecDocument.SPEC_2026_03);

  /** Form fields and response fields that hold a secret or a token. */
  private static final Set<String> SECRET_FIELDS =
      Set.of(
          "client_secret",
          "code",
          "code_verifier",
          "refresh_token",
          "access_token",
          "id_token",
          "token",
          "client_assertion",
          "signature",
          "newSignature");

  @ParameterizedTest
  @FieldSource("dev.oauthkit.hubspot.spec.SpecDocument#HUBSPOT_SPECS")
  void whenOperationsAreListedThenEachHasIdTagSummaryAndExplicitSecurity(String document) {
    SpecDocument spec = SpecDocument.packaged(document);
    List<String> problems = new ArrayList<>();
    for (Operation operation : spec.operations()) {
      JsonNode node = operation.node();
      if (!node.hasNonNull("operationId")) {
        problems.add(operation + " has no operationId");
      }
      if (!node.has("tags") || node.get("tags").isEmpty()) {
        problems.add(operation + " has no tag");
      }
      if (!node.hasNonNull("summary")) {
        problems.add(operation + " has no summary");
      }
      if (!node.has("security") || !node.get("security").isEmpty()) {
        problems.add(operation + " must declare security: [] (it takes no bearer credential)");
      }
    }

    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @FieldSource("dev.oauthkit.hubspot.spec.SpecDocument#HUBSPOT_SPECS")
  void whenResponsesHaveABodyThenEachHasASchemaAndAnExample(String document) {
    SpecDocument spec = SpecDocument.packaged(document);
    List<String> problems = new ArrayList<>();
    for (Operation operation : spec.operations()) {
      for (Map.Entry<String, JsonNode> response : operation.node().get("responses").properties()) {
        JsonNode content = spec.resolve(response.getValue()).get("content");
        if (content == null) {
          continue;
        }
        for (Map.Entry<String, JsonNode> media : content.properties()) {
          String where = operation + " " + response.getKey() + " " + media.getKey();
          if (!media.getValue().has("schema")) {
            problems.add(where + " has no schema");
          }
          if (!media.getValue().has("example")
              && (!media.getValue().has("examples")
                  || media.getValue().get("examples").isEmpty())) {
            problems.add(where + " has no example");
          }
        }
      }
    }

    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @FieldSource("dev.oauthkit.hubspot.spec.SpecDocument#HUBSPOT_SPECS")
  void whenHeadersAreDocumentedThenNoneIsAcceptOrContentType(String document) {
    SpecDocument spec = SpecDocument.packaged(document);
    List<String> problems = new ArrayList<>();
    for (Operation operation : spec.operations()) {
      JsonNode parameters = operation.node().path("parameters");
      for (JsonNode parameter : parameters) {
        JsonNode resolved = spec.resolve(parameter);
        if ("header".equals(resolved.path("in").asString())) {
          problems.add(operation + " header parameter " + resolved.path("name").asString());
        }
        if (parameter.has("$ref") && parameter.size() > 1) {
          problems.add(operation + " has keywords beside a parameter $ref");
        }
      }
      for (Map.Entry<String, JsonNode> response : operation.node().get("responses").properties()) {
        JsonNode headers = spec.resolve(response.getValue()).path("headers");
        // Other response headers (Retry-After on a 503) are real headers and stay documented.
        headers.propertyNames().stream()
            .filter(
                name -> name.equalsIgnoreCase("Accept") || name.equalsIgnoreCase("Content-Type"))
            .forEach(name -> problems.add(operation + " response header " + name));
      }
    }

    assertThat(problems).isEmpty();
  }

  @Test
  void whenSecuritySchemeIsReadThenItIsTheHubSpotAuthorizationCodeFlow() {
    JsonNode scheme = SPEC.root().at("/components/securitySchemes/hubspot_oauth");
    JsonNode flow = scheme.at("/flows/authorizationCode");

    assertThat(scheme.path("type").asString()).isEqualTo("oauth2");
    assertThat(flow.path("authorizationUrl").asString())
        .isEqualTo("https://app.hubspot.com/oauth/authorize");
    assertThat(flow.path("tokenUrl").asString()).isEqualTo("https://api.hubapi.com/oauth/v1/token");
    assertThat(flow.path("scopes").propertyNames())
        .contains("oauth", "crm.objects.contacts.read", "contacts", "content", "automation");
    List<String> parameters = new ArrayList<>();
    scheme
        .at("/x-authorization-request/parameters")
        .forEach(parameter -> parameters.add(parameter.path("name").asString()));
    assertThat(parameters)
        .containsExactly("client_id", "scope", "redirect_uri", "optional_scope", "state");
  }

  @ParameterizedTest
  @FieldSource("dev.oauthkit.hubspot.spec.SpecDocument#HUBSPOT_SPECS")
  void whenInfoIsReadThenItCarriesALicense(String document) {
    SpecDocument spec = SpecDocument.packaged(document);
    assertThat(spec.root().at("/info/license/identifier").asString()).isEqualTo("Apache-2.0");
  }

  @ParameterizedTest
  @FieldSource("dev.oauthkit.hubspot.spec.SpecDocument#HUBSPOT_SPECS")
  void whenErrorResponsesAreListedThenEachHasAtLeastOneExampleOfTheErrorSchema(String document) {
    SpecDocument spec = SpecDocument.packaged(document);
    List<String> problems = new ArrayList<>();
    for (Operation operation : spec.operations()) {
      for (Map.Entry<String, JsonNode> response : operation.node().get("responses").properties()) {
        if (response.getKey().startsWith("2")) {
          continue;
        }
        JsonNode media = spec.resolve(response.getValue()).at("/content/application~1json");
        if (!"#/components/schemas/Error".equals(media.at("/schema/$ref").asString())) {
          problems.add(operation + " " + response.getKey() + " does not use the Error schema");
        }
        if (media.path("examples").isEmpty()) {
          problems.add(operation + " " + response.getKey() + " has no example");
        }
      }
    }

    assertThat(problems).isEmpty();
  }

  @Test
  void when2026SecuritySchemeIsReadThenBothFlowsUseThe2026TokenUrl() {
    JsonNode scheme = SPEC_2026.root().at("/components/securitySchemes/hubspot_oauth");

    assertThat(scheme.at("/flows/authorizationCode/authorizationUrl").asString())
        .isEqualTo("https://app.hubspot.com/oauth/authorize");
    assertThat(scheme.at("/flows/authorizationCode/tokenUrl").asString())
        .isEqualTo("https://api.hubapi.com/oauth/2026-03/token");
    assertThat(scheme.at("/flows/clientCredentials/tokenUrl").asString())
        .isEqualTo("https://api.hubapi.com/oauth/2026-03/token");
    assertThat(scheme.at("/flows/clientCredentials/scopes").propertyNames())
        .contains("developer.webhooks_journal.read");
    List<String> parameters = new ArrayList<>();
    scheme
        .at("/x-authorization-request/parameters")
        .forEach(parameter -> parameters.add(parameter.path("name").asString()));
    assertThat(parameters)
        .containsExactly("client_id", "scope", "redirect_uri", "optional_scope", "state");
  }

  @ParameterizedTest
  @FieldSource("dev.oauthkit.hubspot.spec.SpecDocument#HUBSPOT_SPECS")
  void whenOperationIdsAreReadThenEachIsAJavaMethodName(String document) {
    List<String> problems = new ArrayList<>();
    for (Operation operation : SpecDocument.packaged(document).operations()) {
      String id = operation.node().path("operationId").asString();
      if (!SourceVersion.isIdentifier(id)
          || SourceVersion.isKeyword(id)
          || !Character.isLowerCase(id.charAt(0))) {
        problems.add(operation + " has operationId '" + id + "'");
      }
    }

    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @FieldSource("dev.oauthkit.hubspot.spec.SpecDocument#HUBSPOT_SPECS")
  void whenAFieldHoldsASecretThenItIsMarkedAsAPassword(String document) {
    SpecDocument spec = SpecDocument.packaged(document);
    List<String> problems = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    for (Map.Entry<String, JsonNode> schema : spec.root().at("/components/schemas").properties()) {
      if (schema.getKey().startsWith("Error")) {
        continue; // an error's "code" is an error code, not an authorization code
      }
      for (Map.Entry<String, JsonNode> field : schema.getValue().path("properties").properties()) {
        if (SECRET_FIELDS.contains(field.getKey())) {
          checked.add(schema.getKey() + "." + field.getKey());
          if (!"password".equals(field.getValue().path("format").asString())) {
            problems.add(schema.getKey() + "." + field.getKey() + " lacks format: password");
          }
        }
      }
    }

    assertThat(checked).isNotEmpty();
    assertThat(problems).isEmpty();
  }

  /**
   * A short document (a version with the shapes of an earlier one) refers each path item to the
   * document that defines it, never to another short document, and defines no component of the same
   * name as that document: the gate's bundler, this module's and the contract tests' all then read
   * it the same way (one level, no component that could shadow another).
   */
  @ParameterizedTest
  @FieldSource("dev.oauthkit.hubspot.spec.SpecDocument#HUBSPOT_SPECS")
  void whenAPathItemRefersToAnotherDocumentThenThatOneDefinesItAndNoComponentClashes(
      String document) {
    JsonNode root = SpecDocument.rawTree(document);
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
      String ref = path.getValue().path("$ref").asString("");
      int hash = ref.indexOf('#');
      if (hash <= 0) {
        continue;
      }
      String file = ref.substring(0, hash).replaceFirst("^\\./", "");
      JsonNode source = SpecDocument.rawTree(file);
      JsonNode item = source.at(ref.substring(hash + 1));
      String onward = item.path("$ref").asString("");
      if (item.isMissingNode()) {
        problems.add(path.getKey() + ": " + ref + " points to nothing");
      } else if (!onward.isEmpty()) {
        problems.add(
            path.getKey()
                + " refers to "
                + file
                + ", whose path item refers on to "
                + onward
                + ": refer to that one directly");
      }
      for (Map.Entry<String, JsonNode> kind : root.path("components").properties()) {
        for (String name : kind.getValue().propertyNames()) {
          if (source.path("components").path(kind.getKey()).has(name)) {
            problems.add(
                "components/" + kind.getKey() + "/" + name + " is defined in " + file + " too");
          }
        }
      }
    }

    assertThat(problems).as(document).isEmpty();
  }

  @Test
  void when2026OperationsAreListedThenEachIsAFormPost() {
    for (Operation operation : SPEC_2026.operations()) {
      assertThat(operation.method()).as(operation.toString()).isEqualTo("post");
      assertThat(
              SPEC_2026
                  .resolve(operation.node().get("requestBody"))
                  .path("content")
                  .propertyNames())
          .as(operation.toString())
          .containsExactly("application/x-www-form-urlencoded");
    }
  }

  @Test
  void whenFaultOperationsAreListedThenTheyAreExactlyTheOperationsOfEveryVersion() {
    List<String> operationIds = new ArrayList<>();
    for (String document : SpecDocument.HUBSPOT_SPECS) {
      SpecDocument.packaged(document)
          .operations()
          .forEach(operation -> operationIds.add(operation.node().path("operationId").asString()));
    }
    List<String> faultable = new ArrayList<>();
    SpecDocument.packaged(SpecDocument.ADMIN_SPEC)
        .root()
        .at("/components/schemas/CreateFaultRequest/properties/operation_id/enum")
        .forEach(value -> faultable.add(value.asString()));

    // Date versions share their operationIds; a fault names an operation of every version at once.
    assertThat(faultable)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(operationIds.stream().distinct().toList());
  }
}
