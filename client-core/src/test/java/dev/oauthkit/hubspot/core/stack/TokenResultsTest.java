package dev.oauthkit.hubspot.core.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.oauthkit.hubspot.client.model.dated.CreateTokenResponse;
import dev.oauthkit.hubspot.client.model.dated.TokenIntrospection;
import dev.oauthkit.hubspot.core.ActiveRefreshToken;
import dev.oauthkit.hubspot.core.ClientCredentialsToken;
import dev.oauthkit.hubspot.core.HubSpotOAuthResponseException;
import dev.oauthkit.hubspot.core.InactiveToken;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapping of the flattened 2026-03 models to the sealed results, shape by shape. */
class TokenResultsTest {

  private static CreateTokenResponse token(CreateTokenResponse.TokenUseEnum use) {
    return new CreateTokenResponse()
        .accessToken("access")
        .expiresIn(1800L)
        .tokenType("bearer")
        .tokenUse(use);
  }

  private static TokenIntrospection active(TokenIntrospection.TokenUseEnum use) {
    return new TokenIntrospection()
        .active(true)
        .tokenUse(use)
        .token("t")
        .tokenType("bearer")
        .clientId("c")
        .appId(1L)
        .hubId(2L)
        .userId(3L)
        .scopes(List.of("oauth"));
  }

  @Test
  void whenTokenUseIsClientCredentialsThenTheGrantHasNoRefreshToken() {
    assertThat(
            TokenResults.grant(
                "createToken", token(CreateTokenResponse.TokenUseEnum.CLIENT_CREDENTIALS)))
        .isEqualTo(
            new ClientCredentialsToken("access", Duration.ofSeconds(1800), "bearer", List.of()));
  }

  @Test
  void whenAnAccessTokenShapeLacksItsRefreshTokenThenTheFieldIsNamed() {
    HubSpotOAuthResponseException e =
        catchThrowableOfType(
            HubSpotOAuthResponseException.class,
            () ->
                TokenResults.grant(
                    "createToken", token(CreateTokenResponse.TokenUseEnum.ACCESS_TOKEN)));

    assertThat(e.getMessage())
        .isEqualTo("createToken failed: response field $.refresh_token is missing");
  }

  @Test
  void whenAnActiveRefreshTokenIsDescribedThenNoAccessTokenFieldIsNeeded() {
    assertThat(
            TokenResults.introspection(
                "introspectToken", active(TokenIntrospection.TokenUseEnum.REFRESH_TOKEN)))
        .isInstanceOfSatisfying(
            ActiveRefreshToken.class, token -> assertThat(token.appId()).isEqualTo(1L));
  }

  @Test
  void whenAnActiveAccessTokenLacksExpiresInThenTheFieldIsNamed() {
    HubSpotOAuthResponseException e =
        catchThrowableOfType(
            HubSpotOAuthResponseException.class,
            () ->
                TokenResults.introspection(
                    "introspectToken", active(TokenIntrospection.TokenUseEnum.ACCESS_TOKEN)));

    assertThat(e.jsonPath()).isEqualTo("$.expires_in");
  }

  @Test
  void whenTheTokenIsInactiveThenNothingElseIsRequired() {
    assertThat(
            TokenResults.introspection("introspectToken", new TokenIntrospection().active(false)))
        .isEqualTo(new InactiveToken());
  }

  @Test
  void whenAnActiveTokenHasNoTokenUseThenTheFieldIsNamed() {
    HubSpotOAuthResponseException e =
        catchThrowableOfType(
            HubSpotOAuthResponseException.class,
            () -> TokenResults.introspection("introspectToken", active(null)));

    assertThat(e.jsonPath()).isEqualTo("$.token_use");
  }
}
