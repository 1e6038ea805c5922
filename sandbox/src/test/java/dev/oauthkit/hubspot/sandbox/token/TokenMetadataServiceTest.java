package dev.oauthkit.hubspot.sandbox.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthkit.hubspot.sandbox.authorize.CodeRequest;
import dev.oauthkit.hubspot.sandbox.grant.IssuedTokens;
import dev.oauthkit.hubspot.sandbox.store.App;
import dev.oauthkit.hubspot.sandbox.testing.Sandbox;
import dev.oauthkit.hubspot.sandbox.testing.TestApps;
import dev.oauthkit.hubspot.sandbox.web.ApiError;
import dev.oauthkit.hubspot.server.model.AccessTokenMetadata;
import dev.oauthkit.hubspot.server.model.RefreshTokenMetadata;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenMetadataServiceTest {

  private final App app = TestApps.app().build();

  @Test
  void whenAccessTokenIsValidThenEveryFieldIsReportedWithSecondsLeft() {
    Sandbox sandbox = Sandbox.inMemory().apps(app).build();
    String code =
        sandbox
            .codes
            .issue(
                new CodeRequest(
                    app.clientId(),
                    TestApps.REDIRECT_URI,
                    List.of("oauth", "crm.objects.contacts.read", "automation"),
                    99L,
                    7L,
                    "ann@example.com",
                    "ann.hubspot.test"))
            .code();
    IssuedTokens issued =
        sandbox.tokens.exchange(Sandbox.exchange(app, code, TestApps.REDIRECT_URI));
    sandbox.clock.advance(Duration.ofSeconds(100));

    AccessTokenMetadata access = sandbox.metadata.access(issued.accessToken());
    RefreshTokenMetadata refresh = sandbox.metadata.refresh(issued.refreshToken());

    assertThat(access.getToken()).isEqualTo(issued.accessToken());
    assertThat(access.getAppId()).isEqualTo(4242);
    assertThat(access.getHubId()).isEqualTo(99);
    assertThat(access.getUserId()).isEqualTo(7);
    assertThat(access.getUser()).isEqualTo("ann@example.com");
    assertThat(access.getHubDomain()).isEqualTo("ann.hubspot.test");
    assertThat(access.getScopes())
        .containsExactly("oauth", "crm.objects.contacts.read", "automation");
    assertThat(access.getTokenType()).isEqualTo("access");
    assertThat(access.getExpiresIn()).isEqualTo(1700);
    assertThat(refresh.getToken()).isEqualTo(issued.refreshToken());
    assertThat(refresh.getClientId()).isEqualTo(app.clientId());
    assertThat(refresh.getHubId()).isEqualTo(99);
    assertThat(refresh.getUserId()).isEqualTo(7);
    assertThat(refresh.getUser()).isEqualTo("ann@example.com");
    assertThat(refresh.getScopes())
        .containsExactly("oauth", "crm.objects.contacts.read", "automation");
  }

  @Test
  void whenAccessTokenReachesItsLifetimeThenItIs401() {
    Sandbox sandbox = Sandbox.inMemory().apps(app).build();
    IssuedTokens issued = sandbox.login(app);
    sandbox.clock.advance(Duration.ofSeconds(1799));
    assertThat(sandbox.metadata.access(issued.accessToken()).getExpiresIn()).isEqualTo(1);

    sandbox.clock.advance(Duration.ofSeconds(1));

    assertThatThrownBy(() -> sandbox.metadata.access(issued.accessToken()))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.httpStatus()).isEqualTo(401));
  }

  @Test
  void whenAccessTokenLifetimeIsConfiguredThenItIsUsed() {
    Sandbox sandbox = Sandbox.inMemory().apps(app).accessTtl(Duration.ofMinutes(5)).build();

    IssuedTokens issued = sandbox.login(app);

    assertThat(issued.expiresIn()).isEqualTo(300);
    assertThat(sandbox.metadata.access(issued.accessToken()).getExpiresIn()).isEqualTo(300);
  }

  @Test
  void whenRefreshTokenIsRevokedThenItAndEveryAccessTokenFromItAre401() {
    Sandbox sandbox = Sandbox.inMemory().apps(app).build();
    IssuedTokens login = sandbox.login(app);
    IssuedTokens refreshed = sandbox.tokens.exchange(Sandbox.refresh(app, login.refreshToken()));
    IssuedTokens otherLogin = sandbox.login(app);

    sandbox.metadata.revoke(login.refreshToken());

    for (String token : List.of(login.accessToken(), refreshed.accessToken())) {
      assertThatThrownBy(() -> sandbox.metadata.access(token)).isInstanceOf(ApiError.class);
    }
    assertThatThrownBy(() -> sandbox.metadata.refresh(login.refreshToken()))
        .isInstanceOf(ApiError.class);
    assertThat(sandbox.metadata.access(otherLogin.accessToken()).getToken()).isNotBlank();
  }

  @Test
  void whenRevokingAnUnknownOrRevokedTokenThenItIs401() {
    Sandbox sandbox = Sandbox.inMemory().apps(app).build();
    IssuedTokens login = sandbox.login(app);
    sandbox.metadata.revoke(login.refreshToken());

    assertThatThrownBy(() -> sandbox.metadata.revoke(login.refreshToken()))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.httpStatus()).isEqualTo(401));
    assertThatThrownBy(() -> sandbox.metadata.revoke("unknown"))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.httpStatus()).isEqualTo(401));
  }

  @Test
  void whenRotationIsOnAndARotatedOutTokenIsRevokedThenItIs204AndTheWholeFamilyIsRevoked() {
    Sandbox sandbox = Sandbox.inMemory().apps(app).rotate(true).build();
    IssuedTokens login = sandbox.login(app);
    IssuedTokens rotated = sandbox.tokens.exchange(Sandbox.refresh(app, login.refreshToken()));
    IssuedTokens otherLogin = sandbox.login(app);

    sandbox.metadata.revoke(login.refreshToken());

    assertThatThrownBy(() -> sandbox.metadata.revoke(login.refreshToken()))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.httpStatus()).isEqualTo(401));
    assertFamilyRevoked(sandbox, login, rotated);
    assertThat(sandbox.metadata.refresh(otherLogin.refreshToken()).getToken()).isNotBlank();
  }

  @Test
  void whenRotationIsOnAndMetadataOfARotatedOutTokenIsAskedThenItIs401AndTheFamilyIsRevoked() {
    Sandbox sandbox = Sandbox.inMemory().apps(app).rotate(true).build();
    IssuedTokens login = sandbox.login(app);
    IssuedTokens rotated = sandbox.tokens.exchange(Sandbox.refresh(app, login.refreshToken()));

    assertThatThrownBy(() -> sandbox.metadata.refresh(login.refreshToken()))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.httpStatus()).isEqualTo(401));

    assertFamilyRevoked(sandbox, login, rotated);
  }

  @Test
  void whenRotationIsOnAndTheCurrentTokenIsRevokedThenItIs204AndTheWholeFamilyIsRevoked() {
    Sandbox sandbox = Sandbox.inMemory().apps(app).rotate(true).build();
    IssuedTokens login = sandbox.login(app);
    IssuedTokens rotated = sandbox.tokens.exchange(Sandbox.refresh(app, login.refreshToken()));

    sandbox.metadata.revoke(rotated.refreshToken());

    assertFamilyRevoked(sandbox, login, rotated);
  }

  /** Every refresh token and access token of the family answers 401, also to the grant. */
  private void assertFamilyRevoked(Sandbox sandbox, IssuedTokens... family) {
    for (IssuedTokens issued : family) {
      assertThatThrownBy(() -> sandbox.metadata.access(issued.accessToken()))
          .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.httpStatus()).isEqualTo(401));
      assertThatThrownBy(() -> sandbox.metadata.refresh(issued.refreshToken()))
          .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.httpStatus()).isEqualTo(401));
      assertThatThrownBy(() -> sandbox.tokens.exchange(Sandbox.refresh(app, issued.refreshToken())))
          .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.httpStatus()).isEqualTo(400));
    }
  }

  @Test
  void whenTokenIsUnknownThenMetadataIs401() {
    Sandbox sandbox = Sandbox.inMemory().apps(app).build();

    assertThatThrownBy(() -> sandbox.metadata.access("unknown")).isInstanceOf(ApiError.class);
    assertThatThrownBy(() -> sandbox.metadata.refresh("unknown")).isInstanceOf(ApiError.class);
  }
}
