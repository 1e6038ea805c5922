package dev.oauthkit.hubspot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HubSpotOAuthExceptionTest {

  @Test
  void whenTheBodyIsAHubSpotErrorThenTheMessageSummarisesIt() {
    HubSpotOAuthException e =
        HubSpotOAuthException.builder("createOrRefreshAccessToken", 400)
            .body(
                "VALIDATION_ERROR",
                "INVALID_GRANT",
                "BAD_REFRESH_TOKEN",
                "0d5b2f7e",
                "missing or invalid refresh token")
            .oauthError("invalid_grant", "missing or invalid refresh token")
            .addError(
                OAuthErrorDetail.of("refresh_token is invalid", "INVALID_PARAMETER", null, "body"))
            .retryAfter(Duration.ofSeconds(3))
            .build();

    assertThat(e.getMessage())
        .isEqualTo(
            "createOrRefreshAccessToken failed: HTTP 400 VALIDATION_ERROR/INVALID_GRANT"
                + " status=BAD_REFRESH_TOKEN error=invalid_grant: missing or invalid refresh token"
                + " (correlationId 0d5b2f7e)");
    assertThat(e.errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).contains("INVALID_PARAMETER");
              assertThat(d.in()).contains("body");
              assertThat(d.subCategory()).isEmpty();
            });
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
    assertThat(e.bodyExcerpt()).isEmpty();
  }

  @Test
  void whenOnlyTheStatusIsKnownThenTheMessageStillNamesOperationAndStatus() {
    assertThat(HubSpotOAuthException.builder("revokeRefreshToken", 503).build().getMessage())
        .isEqualTo("revokeRefreshToken failed: HTTP 503");
  }

  @Test
  void whenTheBodyIsLongThenOnlyItsStartIsKept() {
    HubSpotOAuthException e =
        HubSpotOAuthException.builder("getAccessTokenMetadata", 502)
            .bodyExcerpt("a".repeat(300) + "b")
            .build();

    assertThat(e.bodyExcerpt()).contains("a".repeat(300) + "...");
    assertThat(e.getMessage()).endsWith(": " + "a".repeat(300) + "...");
  }

  @Test
  void whenASecretCrossesTheExcerptsEndThenNoPartOfItShows() {
    String secret = "na1-secret-refresh-token-0123456789";

    HubSpotOAuthException e =
        HubSpotOAuthException.builder("createOrRefreshAccessToken", 502)
            .bodyExcerpt("x".repeat(290) + secret + " and more")
            .redacting(List.of(secret))
            .build();

    assertThat(e.bodyExcerpt().orElseThrow())
        .startsWith("x".repeat(290) + "[redacted")
        .doesNotContain("na1-");
    assertThat(e.getMessage()).doesNotContain("na1-");
  }

  @Test
  void whenServerTextEchoesASecretThenEveryFieldIsRedacted() {
    String secret = "super-secret-refresh";
    HubSpotOAuthException e =
        HubSpotOAuthException.builder("createOrRefreshAccessToken", 400)
            .body(null, null, null, null, "bad token " + secret)
            .oauthError("invalid_grant", "token " + secret)
            .addError(OAuthErrorDetail.of("value " + secret, null, null, null))
            .bodyExcerpt("raw " + secret)
            .redacting(List.of(secret))
            .build();

    String redacted = "[redacted " + Secrets.fingerprint(secret) + "]";
    assertThat(e.serverMessage()).contains("bad token " + redacted);
    assertThat(e.errorDescription()).contains("token " + redacted);
    assertThat(e.errors().get(0).message()).contains("value " + redacted);
    assertThat(e.bodyExcerpt()).contains("raw " + redacted);
    assertThat(e.getMessage()).doesNotContain(secret);
    assertThat(e.errors().get(0).toString()).doesNotContain(secret);
  }

  @ParameterizedTest
  @CsvSource({"400,false", "401,false", "403,false", "429,true", "500,true", "503,true"})
  void whenAskedWhetherRetryingHelpsThenOnly429And5xxSayYes(int status, boolean retryable) {
    assertThat(HubSpotOAuthException.builder("op", status).build().isRetryable())
        .isEqualTo(retryable);
  }

  @Test
  void whenACauseIsGivenThenItIsKept() {
    IllegalStateException cause = new IllegalStateException("parse");
    assertThat(HubSpotOAuthException.builder("op", 500).cause(cause).build()).hasCause(cause);
  }

  @Test
  void whenArgumentsAreMissingThenTheMessageNamesThem() {
    assertThatThrownBy(() -> HubSpotOAuthException.builder(null, 400)).hasMessage("operation");
    assertThatThrownBy(() -> HubSpotOAuthException.builder("op", 400).addError(null))
        .hasMessage("detail");
    assertThatThrownBy(() -> HubSpotOAuthException.builder("op", 400).redacting(null))
        .hasMessage("secrets");
  }
}
