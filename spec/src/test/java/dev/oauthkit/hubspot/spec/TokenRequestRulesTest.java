package dev.oauthkit.hubspot.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The grant-specific rules of the token requests (v1 and 2026-03) are part of their schemas. */
class TokenRequestRulesTest {

  private static final SpecDocument SPEC = SpecDocument.packaged();
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final String TOKEN_REQUEST = "/components/schemas/TokenRequest";
  private static final SpecDocument SPEC_2026 = SpecDocument.packaged(SpecDocument.SPEC_2026_03);
  private static final String CREATE_TOKEN_REQUEST = "/components/schemas/CreateTokenRequest";

  private static JsonNode form(String json) {
    return JSON.readTree(json.replace('\'', '"'));
  }

  @Test
  void whenAuthorizationCodeGrantLacksCodeThenSchemaRejectsIt() {
    JsonNode request =
        form(
            "{'grant_type':'authorization_code','client_id':'c','client_secret':'s',"
                + "'redirect_uri':'https://example.com/cb'}");

    assertThat(SPEC.validate(TOKEN_REQUEST, request)).anyMatch(error -> error.contains("code"));
  }

  @Test
  void whenAuthorizationCodeGrantLacksRedirectUriThenSchemaRejectsIt() {
    JsonNode request =
        form("{'grant_type':'authorization_code','client_id':'c','client_secret':'s','code':'x'}");

    assertThat(SPEC.validate(TOKEN_REQUEST, request))
        .anyMatch(error -> error.contains("redirect_uri"));
  }

  @Test
  void whenRefreshGrantLacksRefreshTokenThenSchemaRejectsIt() {
    JsonNode request = form("{'grant_type':'refresh_token','client_id':'c','client_secret':'s'}");

    assertThat(SPEC.validate(TOKEN_REQUEST, request))
        .anyMatch(error -> error.contains("refresh_token"));
  }

  @Test
  void whenEachGrantHasItsFieldsThenSchemaAcceptsIt() {
    JsonNode code =
        form(
            "{'grant_type':'authorization_code','client_id':'c','client_secret':'s',"
                + "'code':'x','redirect_uri':'https://example.com/cb'}");
    JsonNode refresh =
        form(
            "{'grant_type':'refresh_token','client_id':'c','client_secret':'s',"
                + "'refresh_token':'r'}");

    assertThat(SPEC.validate(TOKEN_REQUEST, code)).isEmpty();
    assertThat(SPEC.validate(TOKEN_REQUEST, refresh)).isEmpty();
  }

  @Test
  void whenGrantTypeIsUnknownThenSchemaRejectsIt() {
    JsonNode request = form("{'grant_type':'password','client_id':'c','client_secret':'s'}");

    assertThat(SPEC.validate(TOKEN_REQUEST, request))
        .anyMatch(error -> error.contains("grant_type"));
  }

  @Test
  void whenCorrelationIdIsNotAUuidThenErrorSchemaRejectsIt() {
    JsonNode error = form("{'category':'X','correlationId':'not-a-uuid','message':'m'}");

    assertThat(SPEC.validate("/components/schemas/Error", error))
        .anyMatch(message -> message.contains("correlationId"));
  }

  @Test
  void when2026AuthorizationCodeGrantLacksCodeOrRedirectUriThenSchemaRejectsIt() {
    JsonNode noCode =
        form(
            "{'grant_type':'authorization_code','client_id':'c','client_secret':'s',"
                + "'redirect_uri':'https://example.com/cb','code_verifier':'v'}");
    JsonNode noRedirect =
        form("{'grant_type':'authorization_code','client_id':'c','client_secret':'s','code':'x'}");

    assertThat(SPEC_2026.validate(CREATE_TOKEN_REQUEST, noCode))
        .anyMatch(error -> error.contains("code"));
    assertThat(SPEC_2026.validate(CREATE_TOKEN_REQUEST, noRedirect))
        .anyMatch(error -> error.contains("redirect_uri"));
  }

  @Test
  void when2026RefreshGrantLacksRefreshTokenThenSchemaRejectsIt() {
    JsonNode request =
        form(
            "{'grant_type':'refresh_token','client_id':'c','client_secret':'s',"
                + "'redirect_uri':'https://example.com/cb'}");

    assertThat(SPEC_2026.validate(CREATE_TOKEN_REQUEST, request))
        .anyMatch(error -> error.contains("refresh_token"));
  }

  @Test
  void when2026ClientCredentialsGrantLacksScopeThenSchemaRejectsIt() {
    JsonNode request =
        form("{'grant_type':'client_credentials','client_id':'c','client_secret':'s'}");

    assertThat(SPEC_2026.validate(CREATE_TOKEN_REQUEST, request))
        .anyMatch(error -> error.contains("scope"));
  }

  @Test
  void when2026GrantHasItsFieldsThenSchemaAcceptsItWithoutTheOtherGrantsFields() {
    JsonNode code =
        form(
            "{'grant_type':'authorization_code','client_id':'c','client_secret':'s',"
                + "'code':'x','redirect_uri':'https://example.com/cb','code_verifier':'v'}");
    JsonNode refresh =
        form(
            "{'grant_type':'refresh_token','client_id':'c','client_secret':'s',"
                + "'refresh_token':'r'}");
    JsonNode clientCredentials =
        form(
            "{'grant_type':'client_credentials','client_id':'c','client_secret':'s',"
                + "'scope':'developer.webhooks_journal.read'}");

    assertThat(SPEC_2026.validate(CREATE_TOKEN_REQUEST, code)).isEmpty();
    assertThat(SPEC_2026.validate(CREATE_TOKEN_REQUEST, refresh)).isEmpty();
    assertThat(SPEC_2026.validate(CREATE_TOKEN_REQUEST, clientCredentials)).isEmpty();
  }

  @Test
  void when2026RequestLacksClientSecretOrHasUnknownGrantThenSchemaRejectsIt() {
    JsonNode noSecret = form("{'grant_type':'refresh_token','client_id':'c','refresh_token':'r'}");
    JsonNode unknownGrant = form("{'grant_type':'password','client_id':'c','client_secret':'s'}");

    assertThat(SPEC_2026.validate(CREATE_TOKEN_REQUEST, noSecret))
        .anyMatch(error -> error.contains("client_secret"));
    assertThat(SPEC_2026.validate(CREATE_TOKEN_REQUEST, unknownGrant))
        .anyMatch(error -> error.contains("grant_type"));
  }

  @Test
  void when2026IntrospectOrRevokeRequestLacksTokenThenSchemaRejectsIt() {
    JsonNode request = form("{'client_id':'c','client_secret':'s','token_type_hint':'x'}");

    assertThat(SPEC_2026.validate("/components/schemas/IntrospectTokenRequest", request))
        .anyMatch(error -> error.contains("token"));
    assertThat(SPEC_2026.validate("/components/schemas/RevokeTokenRequest", request))
        .anyMatch(error -> error.contains("token"));
  }
}
