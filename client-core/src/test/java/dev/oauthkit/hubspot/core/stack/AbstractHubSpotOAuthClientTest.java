package dev.oauthkit.hubspot.core.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.oauthkit.hubspot.client.model.AccessTokenMetadata;
import dev.oauthkit.hubspot.client.model.RefreshTokenMetadata;
import dev.oauthkit.hubspot.client.model.TokenResponse;
import dev.oauthkit.hubspot.core.ApiVersion;
import dev.oauthkit.hubspot.core.ClientSettings;
import dev.oauthkit.hubspot.core.HubSpotOAuthClientBuilder;
import dev.oauthkit.hubspot.core.HubSpotOAuthException;
import dev.oauthkit.hubspot.core.HubSpotOAuthResponseException;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.RetryPolicy;
import dev.oauthkit.hubspot.core.TokenProviderOptions;
import dev.oauthkit.hubspot.core.UserTokens;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The operations written once for every stack, on a stack without HTTP, on API version v1 (the
 * 2026-03 calls run through both stacks in {@code contract.DateVersionContract} suite).
 */
class AbstractHubSpotOAuthClientTest {

  private static final OAuthCredentials CREDENTIALS =
      OAuthCredentials.of("client-id", "the-secret", "the-refresh");

  /** A token response holding these fields. */
  static TokenResponse token(String accessToken, Integer expiresIn, String refreshToken) {
    return new TokenResponse()
        .accessToken(accessToken)
        .expiresIn(expiresIn)
        .refreshToken(refreshToken)
        .tokenType("bearer");
  }

  /** A client on a {@link FakeHttpStack}, which records what each call would send. */
  static final class FakeStack extends AbstractHubSpotOAuthClient {
    final List<String> sent;
    private final FakeHttpStack http;

    private FakeStack(ClientSettings settings, FakeHttpStack http) {
      super(settings, http);
      this.http = http;
      this.sent = http.sent;
    }

    void answer(FakeHttpStack.Answer answer) {
      http.answer = answer;
    }
  }

  static final class Builder extends HubSpotOAuthClientBuilder<Builder, FakeStack, Void> {
    Builder() {
      super(
          USER_AGENT_PREFIX + "fake",
          (settings, http) -> new FakeStack(settings, FakeHttpStack.create()));
    }
  }

  private final List<OAuthCredentials> rotations = new ArrayList<>();
  private final FakeStack stack =
      new Builder()
          .apiVersion(ApiVersion.V1)
          .credentials(CREDENTIALS)
          .tokenProviderOptions(
              TokenProviderOptions.builder()
                  .retryPolicy(RetryPolicy.builder().maxAttempts(1).build())
                  .refreshTokenListener(rotations::add)
                  .build())
          .build();

  @Test
  void whenACodeIsExchangedThenTheCodeGrantIsSentAndTheProviderHoldsTheTokens() {
    stack.answer(request -> token("access-1", 1800, "rotated"));

    UserTokens tokens = stack.exchangeAuthorizationCode("the-code", "https://app.example/cb");

    assertThat(tokens.accessToken()).isEqualTo("access-1");
    assertThat(tokens.refreshToken()).isEqualTo("rotated");
    assertThat(tokens.expiresIn()).isEqualTo(Duration.ofSeconds(1800));
    assertThat(stack.tokenProvider().accessToken()).isEqualTo("access-1");
    assertThat(rotations)
        .singleElement()
        .satisfies(c -> assertThat(c.refreshToken()).contains("rotated"));
    assertThat(stack.sent)
        .containsExactly(
            "createOrRefreshAccessToken authorization_code client-id the-secret https://app.example/cb the-code null");
  }

  @Test
  void whenEachOperationRunsThenItSendsItsOwnRequest() {
    stack.answer(request -> token("access-2", 1800, "the-refresh"));
    stack.refreshAccessToken("given-refresh");
    stack.tokenProvider().accessToken();
    AccessTokenMetadata accessMetadata = new AccessTokenMetadata().hubId(62515);
    stack.answer(request -> accessMetadata);
    assertThat(stack.getAccessTokenMetadata("some-access")).isSameAs(accessMetadata);
    RefreshTokenMetadata refreshMetadata = new RefreshTokenMetadata().hubId(62515);
    stack.answer(request -> refreshMetadata);
    assertThat(stack.getRefreshTokenMetadata("some-refresh")).isSameAs(refreshMetadata);
    stack.answer(request -> null);
    stack.revokeRefreshToken("some-refresh");

    assertThat(stack.sent)
        .containsExactly(
            "createOrRefreshAccessToken refresh_token client-id the-secret null null given-refresh",
            "createOrRefreshAccessToken refresh_token client-id the-secret null null the-refresh",
            "getAccessTokenMetadata some-access",
            "getRefreshTokenMetadata some-refresh",
            "revokeRefreshToken some-refresh");
  }

  @Test
  void whenACallIsAnsweredWithAnErrorThenTheExceptionNamesTheOperationAndRedactsItsSecrets() {
    stack.answer(
        request -> {
          throw ErrorResponse.of(
              400, "5", "{\"message\":\"echo the-secret the-refresh the-call-token\"}");
        });
    Map<String, Consumer<String>> operations = new LinkedHashMap<>();
    operations.put("createOrRefreshAccessToken", token -> stack.refreshAccessToken(token));
    operations.put("getAccessTokenMetadata", token -> stack.getAccessTokenMetadata(token));
    operations.put("getRefreshTokenMetadata", token -> stack.getRefreshTokenMetadata(token));
    operations.put("revokeRefreshToken", token -> stack.revokeRefreshToken(token));

    operations.forEach(
        (operation, call) -> {
          HubSpotOAuthException e =
              catchThrowableOfType(
                  HubSpotOAuthException.class, () -> call.accept("the-call-token"));

          assertThat(e.operation()).isEqualTo(operation);
          assertThat(e.httpStatus()).isEqualTo(400);
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(5));
          assertThat(e.getMessage())
              .startsWith(operation + " failed: HTTP 400: echo [redacted sha256:")
              .doesNotContain("the-secret", "the-refresh", "the-call-token");
        });
    HubSpotOAuthException code =
        catchThrowableOfType(
            HubSpotOAuthException.class,
            () -> stack.exchangeAuthorizationCode("the-call-token", "https://app.example/cb"));
    assertThat(code.getMessage()).doesNotContain("the-secret", "the-refresh", "the-call-token");
  }

  @Test
  void whenAnErrorEchoesThePkceVerifierThenItIsRedactedToo() {
    FakeStack dated = new Builder().credentials(CREDENTIALS).build(); // the newest date version
    dated.answer(
        request -> {
          throw ErrorResponse.of(400, null, "{\"message\":\"bad verifier the-verifier-value\"}");
        });

    HubSpotOAuthException e =
        catchThrowableOfType(
            HubSpotOAuthException.class,
            () ->
                dated.exchangeAuthorizationCode(
                    "the-code", "https://app.example/cb", "the-verifier-value"));

    assertThat(e.getMessage()).contains("bad verifier [redacted ").doesNotContain("the-verifier");
  }

  @Test
  void whenTheProviderRefreshesThenAnErrorAnswerReachesItAsTheException() {
    stack.answer(
        request -> {
          throw ErrorResponse.of(503, null, "");
        });

    HubSpotOAuthException e =
        catchThrowableOfType(
            HubSpotOAuthException.class, () -> stack.tokenProvider().accessToken());

    assertThat(e.operation()).isEqualTo("createOrRefreshAccessToken");
    assertThat(e.isRetryable()).isTrue();
    assertThat(stack.sent)
        .containsExactly(
            "createOrRefreshAccessToken refresh_token client-id the-secret null null the-refresh");
  }

  @Test
  void whenTheTransportFailsThenAnUncheckedIoExceptionNamesTheOperation() {
    stack.answer(
        request -> {
          throw new SocketTimeoutException("read timed out after the-call-token");
        });

    assertThatThrownBy(() -> stack.revokeRefreshToken("the-call-token"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("revokeRefreshToken failed: SocketTimeoutException")
        .hasCauseInstanceOf(SocketTimeoutException.class);
  }

  @Test
  void whenTheTokenResponseLacksATokenThenTheExchangeFailsNamingTheFieldAndNothingIsInstalled() {
    Map<String, TokenResponse> answers = new LinkedHashMap<>();
    answers.put("$", null);
    answers.put("$.access_token", token(null, 1800, "rotated"));
    answers.put("$.expires_in", token("a", null, "rotated"));
    answers.put("$.refresh_token", token("a", 1800, null));
    answers.forEach(
        (path, response) -> {
          stack.answer(request -> response);

          HubSpotOAuthResponseException e =
              catchThrowableOfType(
                  HubSpotOAuthResponseException.class,
                  () -> stack.exchangeAuthorizationCode("the-code", "https://app.example/cb"));

          assertThat(e.operation()).isEqualTo("createOrRefreshAccessToken");
          assertThat(e.jsonPath()).isEqualTo(path);
          assertThat(e.isRetryable()).isFalse();
        });
    assertThat(rotations).isEmpty();
  }

  @Test
  void whenAMetadataAnswerHasNoBodyThenTheCallFailsNamingTheOperation() {
    stack.answer(request -> null);

    HubSpotOAuthResponseException e =
        catchThrowableOfType(
            HubSpotOAuthResponseException.class, () -> stack.getRefreshTokenMetadata("r"));

    assertThat(e.getMessage())
        .isEqualTo("getRefreshTokenMetadata failed: response field $ is missing (empty body)");
  }

  @Test
  void whenACallOfTheOtherVersionIsMadeThenItFailsNamingTheReplacementAndSendsNothing() {
    FakeStack current = new Builder().credentials(CREDENTIALS).build();

    assertThatThrownBy(() -> current.getAccessTokenMetadata("a"))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage(
            "getAccessTokenMetadata is not available on API version "
                + ApiVersion.newest()
                + ": on date versions use introspect(token) (POST"
                + " /oauth/<version>/token/introspect), or build the client with"
                + " .apiVersion(ApiVersion.V1) until HubSpot's v1 sunset");
    assertThatThrownBy(() -> current.getRefreshTokenMetadata("r"))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("introspect(token)");
    assertThatThrownBy(() -> stack.introspect("t"))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage(
            "introspect is not available on API version v1: it is a date-version call;"
                + " HubSpot's v1 API has none. Build the client without .apiVersion(ApiVersion.V1)"
                + " to use "
                + ApiVersion.newest());
    assertThatThrownBy(() -> stack.clientCredentialsToken(List.of("s")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> stack.clientCredentialsTokenProvider(List.of("s")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> stack.exchangeAuthorizationCode("c", "https://a.example/cb", "v"))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageStartingWith("exchangeAuthorizationCode with a PKCE code verifier");
    assertThat(current.sent).isEmpty();
    assertThat(stack.sent).isEmpty();
  }

  @Test
  void whenPrintedThenTheStackBaseUrlVersionAndProviderShowButNoSecret() {
    assertThat(stack.toString())
        .startsWith("FakeStack{baseUrl=https://api.hubapi.com/, apiVersion=v1, tokenProvider=")
        .doesNotContain("the-secret", "the-refresh");
  }
}
