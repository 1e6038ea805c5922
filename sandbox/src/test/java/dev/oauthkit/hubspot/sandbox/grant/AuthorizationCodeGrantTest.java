package dev.oauthkit.hubspot.sandbox.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthkit.hubspot.sandbox.store.App;
import dev.oauthkit.hubspot.sandbox.testing.Sandbox;
import dev.oauthkit.hubspot.sandbox.testing.TestApps;
import dev.oauthkit.hubspot.sandbox.web.ApiError;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuthorizationCodeGrantTest {

  private static final String OTHER_URI = "https://app.example.com/other";

  private final App app =
      TestApps.app().redirectUri(TestApps.REDIRECT_URI).redirectUri(OTHER_URI).build();
  private final App otherApp = TestApps.app().appId(77).clientId("client-b").build();
  private final Sandbox sandbox = Sandbox.inMemory().apps(app, otherApp).build();

  @Test
  void whenCodeIsValidThenAccessAndRefreshTokensAreIssued() {
    IssuedTokens issued = sandbox.codeGrant.grant(exchange(sandbox.code(app)), app);

    assertThat(issued.accessToken()).isNotBlank();
    assertThat(issued.refreshToken()).isNotBlank();
    assertThat(issued.expiresIn()).isEqualTo(1800);
    assertThat(sandbox.metadata.access(issued.accessToken()).getAppId()).isEqualTo(4242);
  }

  @Test
  void whenCodeIsUsedTwiceThenSecondUseIs400AndTokensOfFirstUseAreRevoked() {
    String code = sandbox.code(app);
    IssuedTokens first = sandbox.codeGrant.grant(exchange(code), app);

    assertThatThrownBy(() -> sandbox.codeGrant.grant(exchange(code), app))
        .satisfies(e -> assertError(e, 400, "BAD_AUTH_CODE"));
    assertThatThrownBy(() -> sandbox.metadata.access(first.accessToken()))
        .satisfies(e -> assertError(e, 401, null));
    assertThatThrownBy(() -> sandbox.metadata.refresh(first.refreshToken()))
        .satisfies(e -> assertError(e, 401, null));
  }

  @Test
  void whenCodeIsTenMinutesOldThenItHasExpired() {
    String code = sandbox.code(app);
    sandbox.clock.advance(Duration.ofMinutes(10));

    assertThatThrownBy(() -> sandbox.codeGrant.grant(exchange(code), app))
        .satisfies(e -> assertError(e, 400, "EXPIRED_AUTH_CODE"));
  }

  @Test
  void whenCodeIsJustUnderTenMinutesOldThenItIsAccepted() {
    String code = sandbox.code(app);
    sandbox.clock.advance(Duration.ofMinutes(10).minusMillis(1));

    assertThat(sandbox.codeGrant.grant(exchange(code), app).accessToken()).isNotBlank();
  }

  @Test
  void whenAnotherClientPresentsTheCodeThenItIsRejectedAndStillUsable() {
    String code = sandbox.code(app);

    assertThatThrownBy(() -> sandbox.codeGrant.grant(exchange(code), otherApp))
        .satisfies(e -> assertError(e, 400, "BAD_AUTH_CODE"));
    assertThat(sandbox.codeGrant.grant(exchange(code), app).accessToken()).isNotBlank();
  }

  @Test
  void whenRedirectUriIsAnotherRegisteredUriThenItMismatchesTheCode() {
    String code = sandbox.code(app);

    assertThatThrownBy(() -> sandbox.codeGrant.grant(Sandbox.exchange(app, code, OTHER_URI), app))
        .satisfies(e -> assertError(e, 400, "MISMATCH_REDIRECT_URI_AUTH_CODE"));
  }

  @Test
  void whenRedirectUriIsNotRegisteredThenItIsABadRedirectUri() {
    String code = sandbox.code(app);

    assertThatThrownBy(
            () ->
                sandbox.codeGrant.grant(
                    Sandbox.exchange(app, code, TestApps.REDIRECT_URI + "/"), app))
        .satisfies(e -> assertError(e, 400, "BAD_REDIRECT_URI"));
  }

  @Test
  void whenCodeIsUnknownThenItIsABadAuthCode() {
    assertThatThrownBy(() -> sandbox.codeGrant.grant(exchange("no-such-code"), app))
        .satisfies(e -> assertError(e, 400, "BAD_AUTH_CODE"));
  }

  @Test
  void whenCodeIsExchangedThenTheStoreKnowsItOnlyByItsHash() {
    String code = sandbox.code(app);

    assertThat(sandbox.store.findCode(code)).isEmpty();
    assertThat(sandbox.store.findCode(dev.oauthkit.hubspot.sandbox.secret.Secrets.sha256Hex(code)))
        .isPresent();
  }

  private TokenRequest exchange(String code) {
    return Sandbox.exchange(app, code, TestApps.REDIRECT_URI);
  }

  static void assertError(Throwable e, int status, String hubSpotStatus) {
    assertThat(e).isInstanceOf(ApiError.class);
    ApiError error = (ApiError) e;
    assertThat(error.httpStatus()).isEqualTo(status);
    if (hubSpotStatus != null) {
      assertThat(error.hubSpotStatus()).isEqualTo(hubSpotStatus);
    }
  }
}
