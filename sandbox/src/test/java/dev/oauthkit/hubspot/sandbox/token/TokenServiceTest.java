package dev.oauthkit.hubspot.sandbox.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.oauthkit.hubspot.sandbox.grant.TokenRequest;
import dev.oauthkit.hubspot.sandbox.store.App;
import dev.oauthkit.hubspot.sandbox.testing.Sandbox;
import dev.oauthkit.hubspot.sandbox.testing.TestApps;
import dev.oauthkit.hubspot.sandbox.web.ApiError;
import org.junit.jupiter.api.Test;

class TokenServiceTest {

  private final App app = TestApps.app().build();
  private final Sandbox sandbox = Sandbox.inMemory().apps(app).build();

  @Test
  void whenFieldsAreMissingThenEveryMissingFieldIsNamed() {
    ApiError error =
        catchThrowableOfType(
            ApiError.class,
            () ->
                sandbox.tokens.exchange(
                    new TokenRequest("authorization_code", null, "", null, null, null)));

    assertThat(error.httpStatus()).isEqualTo(400);
    assertThat(error.oauthError()).isEqualTo("invalid_request");
    assertThat(error.hubSpotStatus()).isEqualTo("BAD_CLIENT_ID");
    assertThat(error.problems())
        .extracting(ApiError.Problem::field)
        .containsExactly("client_id", "client_secret", "code", "redirect_uri");
  }

  @Test
  void whenGrantTypeIsUnknownThenItIsAnUnsupportedGrantType() {
    ApiError error =
        catchThrowableOfType(
            ApiError.class,
            () ->
                sandbox.tokens.exchange(
                    new TokenRequest(
                        "password", app.clientId(), TestApps.SECRET, null, null, null)));

    assertThat(error.httpStatus()).isEqualTo(400);
    assertThat(error.oauthError()).isEqualTo("unsupported_grant_type");
  }

  @Test
  void whenClientIdIsUnknownThenItIs401BadClientId() {
    ApiError error =
        catchThrowableOfType(
            ApiError.class,
            () ->
                sandbox.tokens.exchange(
                    Sandbox.refresh(TestApps.app().clientId("x").build(), "t")));

    assertThat(error.httpStatus()).isEqualTo(401);
    assertThat(error.hubSpotStatus()).isEqualTo("BAD_CLIENT_ID");
    assertThat(error.oauthError()).isEqualTo("invalid_client");
  }

  @Test
  void whenClientSecretIsWrongThenItIs401BadClientSecret() {
    ApiError error =
        catchThrowableOfType(
            ApiError.class,
            () ->
                sandbox.tokens.exchange(
                    new TokenRequest("refresh_token", app.clientId(), "wrong", null, null, "t")));

    assertThat(error.httpStatus()).isEqualTo(401);
    assertThat(error.hubSpotStatus()).isEqualTo("BAD_CLIENT_SECRET");
  }

  @Test
  void whenCredentialsAreRightThenTheGrantRuns() {
    assertThat(sandbox.login(app).accessToken()).isNotBlank();
  }

  @Test
  void whenSpringReportsAMissingParameterThenTheErrorListsAllOfThem() {
    ApiError error = sandbox.tokens.missingFieldsError(name -> null);

    assertThat(error.problems())
        .extracting(ApiError.Problem::field)
        .containsExactly("grant_type", "client_id", "client_secret");
    assertThat(error.hubSpotStatus()).isEqualTo("BAD_GRANT_TYPE");
  }
}
