package dev.oauthkit.hubspot.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The grant-specific rules of TokenRequest are part of its schema, not only its prose. */
class TokenRequestRulesTest {

  private static final SpecDocument SPEC = SpecDocument.packaged();
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final String TOKEN_REQUEST = "/components/schemas/TokenRequest";

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
}
