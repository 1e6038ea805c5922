package dev.oauthkit.hubspot.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.spec.SpecDocument.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** House rules that generators and readers rely on. */
class SpecConventionsTest {

  private static final SpecDocument SPEC = SpecDocument.packaged();

  @Test
  void whenOperationsAreListedThenEachHasIdTagSummaryAndExplicitSecurity() {
    List<String> problems = new ArrayList<>();
    for (Operation operation : SPEC.operations()) {
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

  @Test
  void whenResponsesHaveABodyThenEachHasASchemaAndAnExample() {
    List<String> problems = new ArrayList<>();
    for (Operation operation : SPEC.operations()) {
      for (Map.Entry<String, JsonNode> response : operation.node().get("responses").properties()) {
        JsonNode content = SPEC.resolve(response.getValue()).get("content");
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

  @Test
  void whenHeadersAreDocumentedThenNoneIsAcceptOrContentType() {
    List<String> problems = new ArrayList<>();
    for (Operation operation : SPEC.operations()) {
      JsonNode parameters = operation.node().path("parameters");
      for (JsonNode parameter : parameters) {
        JsonNode resolved = SPEC.resolve(parameter);
        if ("header".equals(resolved.path("in").asString())) {
          problems.add(operation + " header parameter " + resolved.path("name").asString());
        }
        if (parameter.has("$ref") && parameter.size() > 1) {
          problems.add(operation + " has keywords beside a parameter $ref");
        }
      }
      for (Map.Entry<String, JsonNode> response : operation.node().get("responses").properties()) {
        JsonNode headers = SPEC.resolve(response.getValue()).path("headers");
        headers
            .propertyNames()
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

  @Test
  void whenInfoIsReadThenItCarriesALicense() {
    assertThat(SPEC.root().at("/info/license/identifier").asString()).isEqualTo("Apache-2.0");
  }

  @Test
  void whenErrorResponsesAreListedThenEachHasAtLeastOneExampleOfTheErrorSchema() {
    List<String> problems = new ArrayList<>();
    for (Operation operation : SPEC.operations()) {
      for (Map.Entry<String, JsonNode> response : operation.node().get("responses").properties()) {
        if (response.getKey().startsWith("2")) {
          continue;
        }
        JsonNode media = SPEC.resolve(response.getValue()).at("/content/application~1json");
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
}
