package dev.oauthkit.hubspot.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The generator's own model template masks every {@code format: password} field in {@code
 * toString()}: it prints {@code *} whether or not the field is set, never the value.
 */
class TokenResponseTest {

  @Test
  void whenTokensAreSetThenToStringMasksThemAndShowsTheOtherFields() {
    TokenResponse response =
        new TokenResponse()
            .accessToken("access-value")
            .refreshToken("refresh-value")
            .tokenType("bearer")
            .expiresIn(1800);

    assertThat(response.toString())
        .contains("accessToken: *", "refreshToken: *", "idToken: *", "expiresIn: 1800")
        .doesNotContain("access-value", "refresh-value");
  }

  @Test
  void whenAnIdTokenIsSetThenToStringMasksIt() {
    TokenResponse response = new TokenResponse().accessToken("a").idToken("id-token-value");

    assertThat(response.toString())
        .contains("idToken: *", "tokenType: null")
        .doesNotContain("id-token-value");
  }
}
