package dev.oauthkit.hubspot.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one change of the model template: a password field prints {@code *} only when set. */
class TokenResponseTest {

  @Test
  void whenThereIsNoIdTokenThenToStringSaysNullAndShowsNoTokenValue() {
    TokenResponse response =
        new TokenResponse()
            .accessToken("access-value")
            .refreshToken("refresh-value")
            .tokenType("bearer")
            .expiresIn(1800);

    assertThat(response.toString())
        .contains("accessToken: *", "refreshToken: *", "idToken: null", "expiresIn: 1800")
        .doesNotContain("access-value", "refresh-value");
  }

  @Test
  void whenThereIsAnIdTokenThenToStringMasksIt() {
    TokenResponse response = new TokenResponse().accessToken("a").idToken("id-token-value");

    assertThat(response.toString())
        .contains("idToken: *", "refreshToken: null")
        .doesNotContain("id-token-value");
  }
}
