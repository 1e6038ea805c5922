package dev.oauthkit.hubspot.sandbox.grant;

import static dev.oauthkit.hubspot.sandbox.grant.AuthorizationCodeGrantTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthkit.hubspot.sandbox.store.App;
import dev.oauthkit.hubspot.sandbox.testing.Sandbox;
import dev.oauthkit.hubspot.sandbox.testing.TestApps;
import org.junit.jupiter.api.Test;

class RefreshTokenGrantTest {

  private final App app = TestApps.app().build();
  private final App otherApp = TestApps.app().appId(77).clientId("client-b").build();

  @Test
  void whenRefreshingThenANewAccessTokenComesWithTheSameRefreshToken() {
    Sandbox sandbox = Sandbox.inMemory().apps(app, otherApp).build();
    IssuedTokens login = sandbox.login(app);

    IssuedTokens refreshed =
        sandbox.refreshGrant.grant(Sandbox.refresh(app, login.refreshToken()), app);

    assertThat(refreshed.refreshToken()).isEqualTo(login.refreshToken());
    assertThat(refreshed.accessToken()).isNotEqualTo(login.accessToken());
    assertThat(sandbox.metadata.access(refreshed.accessToken()).getExpiresIn()).isEqualTo(1800);
    assertThat(sandbox.metadata.access(login.accessToken()).getExpiresIn()).isEqualTo(1800);
  }

  @Test
  void whenRotationIsOnThenTheRefreshTokenIsReplacedAndTheOldOneRejected() {
    Sandbox sandbox = Sandbox.inMemory().apps(app).rotate(true).build();
    IssuedTokens login = sandbox.login(app);

    IssuedTokens refreshed =
        sandbox.refreshGrant.grant(Sandbox.refresh(app, login.refreshToken()), app);

    assertThat(refreshed.refreshToken()).isNotEqualTo(login.refreshToken());
    assertThatThrownBy(
            () -> sandbox.refreshGrant.grant(Sandbox.refresh(app, login.refreshToken()), app))
        .satisfies(e -> assertError(e, 400, "BAD_REFRESH_TOKEN"));
    assertThat(sandbox.refreshGrant.grant(Sandbox.refresh(app, refreshed.refreshToken()), app))
        .isNotNull();
    assertThat(sandbox.metadata.access(login.accessToken()).getToken())
        .isEqualTo(login.accessToken());
  }

  @Test
  void whenRefreshTokenIsRevokedThenItIsABadRefreshToken() {
    Sandbox sandbox = Sandbox.inMemory().apps(app).build();
    IssuedTokens login = sandbox.login(app);
    sandbox.metadata.revoke(login.refreshToken());

    assertThatThrownBy(
            () -> sandbox.refreshGrant.grant(Sandbox.refresh(app, login.refreshToken()), app))
        .satisfies(e -> assertError(e, 400, "BAD_REFRESH_TOKEN"));
  }

  @Test
  void whenAnotherClientPresentsTheRefreshTokenThenItIsRejected() {
    Sandbox sandbox = Sandbox.inMemory().apps(app, otherApp).build();
    IssuedTokens login = sandbox.login(app);

    assertThatThrownBy(
            () ->
                sandbox.refreshGrant.grant(
                    Sandbox.refresh(otherApp, login.refreshToken()), otherApp))
        .satisfies(e -> assertError(e, 400, "BAD_REFRESH_TOKEN"));
  }

  @Test
  void whenRefreshTokenIsUnknownThenItIsABadRefreshToken() {
    Sandbox sandbox = Sandbox.inMemory().apps(app).build();

    assertThatThrownBy(() -> sandbox.refreshGrant.grant(Sandbox.refresh(app, "nope"), app))
        .satisfies(e -> assertError(e, 400, "BAD_REFRESH_TOKEN"));
  }
}
