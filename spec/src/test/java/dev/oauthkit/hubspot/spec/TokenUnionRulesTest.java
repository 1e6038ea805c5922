package dev.oauthkit.hubspot.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The 2026-03 unions, flattened into one schema each, still tell their shapes apart: the rules of
 * each shape are part of the schema, so a response that mixes them is rejected.
 */
class TokenUnionRulesTest {

  private static final SpecDocument SPEC = SpecDocument.packaged(SpecDocument.SPEC_2026_03);
  private static final String TOKEN_RESPONSE = "/components/schemas/CreateTokenResponse";
  private static final String INTROSPECTION = "/components/schemas/TokenIntrospection";
  private static final String ERROR = "/components/schemas/Error";

  private static ObjectNode example(String name) {
    return (ObjectNode) SPEC.exampleValue(name).deepCopy();
  }

  @Test
  void whenAccessTokenResponseLacksRefreshTokenThenSchemaRejectsIt() {
    ObjectNode response = example("AccessTokenResponseExample");
    response.remove("refresh_token");

    assertThat(SPEC.validate(TOKEN_RESPONSE, response))
        .anyMatch(error -> error.contains("refresh_token"));
  }

  @Test
  void whenClientCredentialsResponseHasNoRefreshTokenThenSchemaAcceptsIt() {
    ObjectNode response = example("ClientCredentialsTokenResponseExample");

    assertThat(response.has("refresh_token")).isFalse();
    assertThat(SPEC.validate(TOKEN_RESPONSE, response)).isEmpty();
  }

  @Test
  void whenTokenUseIsMissingOrUnknownThenSchemaRejectsIt() {
    ObjectNode missing = example("AccessTokenResponseExample");
    missing.remove("token_use");
    ObjectNode unknown = example("AccessTokenResponseExample");
    unknown.put("token_use", "id_token");

    assertThat(SPEC.validate(TOKEN_RESPONSE, missing))
        .anyMatch(error -> error.contains("token_use"));
    assertThat(SPEC.validate(TOKEN_RESPONSE, unknown))
        .anyMatch(error -> error.contains("token_use"));
  }

  @Test
  void whenTokenIsNotActiveThenOnlyActiveIsNeeded() {
    JsonNode inactive = example("InactiveTokenIntrospectionExample");

    assertThat(inactive.propertyNames()).containsExactly("active");
    assertThat(SPEC.validate(INTROSPECTION, inactive)).isEmpty();
    assertThat(SPEC.validate(INTROSPECTION, SPEC.exampleValue("InvalidClientErrorExample")))
        .anyMatch(error -> error.contains("active"));
  }

  @Test
  void whenActiveIntrospectionLacksTokenUseThenSchemaRejectsIt() {
    ObjectNode record = example("RefreshTokenIntrospectionExample");
    record.remove("token_use");

    assertThat(SPEC.validate(INTROSPECTION, record)).anyMatch(error -> error.contains("token_use"));
  }

  @Test
  void whenAccessTokenRecordLacksItsExpiryFieldsThenSchemaRejectsIt() {
    ObjectNode record = example("AccessTokenIntrospectionExample");
    record.remove("expires_in");
    record.remove("signed_access_token");

    assertThat(SPEC.validate(INTROSPECTION, record))
        .anyMatch(error -> error.contains("expires_in"))
        .anyMatch(error -> error.contains("signed_access_token"));
  }

  @Test
  void whenRefreshTokenRecordHasNoExpiryFieldsThenSchemaAcceptsIt() {
    JsonNode record = example("RefreshTokenIntrospectionExample");

    assertThat(record.has("expires_in")).isFalse();
    assertThat(record.has("signed_access_token")).isFalse();
    assertThat(SPEC.validate(INTROSPECTION, record)).isEmpty();
  }

  @Test
  void whenActiveRecordLacksTheFieldsBothShapesShareThenSchemaRejectsIt() {
    ObjectNode record = example("RefreshTokenIntrospectionExample");
    record.remove("hub_id");
    record.remove("client_id");

    assertThat(SPEC.validate(INTROSPECTION, record))
        .anyMatch(error -> error.contains("hub_id"))
        .anyMatch(error -> error.contains("client_id"));
  }

  @Test
  void whenErrorHasTheChangelogShapeThenSchemaAcceptsItAndWithoutMessageRejectsIt() {
    ObjectNode changelog = example("ChangelogRefreshTokenErrorExample");
    ObjectNode noMessage = example("ChangelogRefreshTokenErrorExample");
    noMessage.remove("message");

    assertThat(changelog.propertyNames())
        .containsExactlyInAnyOrder("error", "error_description", "status", "message");
    assertThat(SPEC.validate(ERROR, changelog)).isEmpty();
    assertThat(SPEC.validate(ERROR, noMessage)).anyMatch(error -> error.contains("message"));
  }
}
