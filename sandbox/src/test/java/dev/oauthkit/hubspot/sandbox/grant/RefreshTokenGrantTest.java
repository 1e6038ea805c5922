package dev.oauthkit.hubspot.sandbox.grant;

import static dev.oauthkit.hubspot.sandbox.grant.AuthorizationCodeGrantTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.oauthkit.hubspot.sandbox.secret.AccessTokenSeal;
import dev.oauthkit.hubspot.sandbox.secret.Secrets;
import dev.oauthkit.hubspot.sandbox.store.App;
import dev.oauthkit.hubspot.sandbox.store.RefreshTokenRow;
import dev.oauthkit.hubspot.sandbox.store.SandboxStore;
import dev.oauthkit.hubspot.sandbox.testing.Sandbox;
import dev.oauthkit.hubspot.sandbox.testing.TestApps;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
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
  void whenTheMintSealsThenARefreshWritesNothingAndItsTokenLivesAsLongAsTheGrant() {
    Sandbox sandbox = Sandbox.inMemory().apps(app, otherApp).seal(true).build();
    IssuedTokens login = sandbox.login(app);

    IssuedTokens refreshed =
        sandbox.refreshGrant.grant(Sandbox.refresh(app, login.refreshToken()), app);

    assertThat(refreshed.accessToken()).hasSize(AccessTokenSeal.LENGTH).startsWith("C");
    assertThat(sandbox.store.findAccessToken(Secrets.sha256Hex(refreshed.accessToken()))).isEmpty();
    assertThat(sandbox.metadata.access(refreshed.accessToken()).getExpiresIn()).isEqualTo(1800);
    assertThat(sandbox.metadata.access(refreshed.accessToken()).getHubId()).isEqualTo(62515);
    assertError(
        catchThrowable(
            () ->
                sandbox.refreshGrant.grant(
                    Sandbox.refresh(otherApp, login.refreshToken()), otherApp)),
        400,
        "BAD_REFRESH_TOKEN");
    sandbox.clock.advance(Duration.ofSeconds(1800));
    assertError(catchThrowable(() -> sandbox.metadata.access(refreshed.accessToken())), 401, null);
  }

  @Test
  void whenTheGrantOfASealedTokenIsRevokedThenTheTokenAndItsRefreshAreRefused() {
    Sandbox sandbox = Sandbox.inMemory().apps(app).seal(true).build();
    IssuedTokens login = sandbox.login(app);
    IssuedTokens refreshed =
        sandbox.refreshGrant.grant(Sandbox.refresh(app, login.refreshToken()), app);

    sandbox.metadata.revoke(login.refreshToken());

    assertError(catchThrowable(() -> sandbox.metadata.access(refreshed.accessToken())), 401, null);
    assertError(
        catchThrowable(
            () -> sandbox.refreshGrant.grant(Sandbox.refresh(app, login.refreshToken()), app)),
        400,
        "BAD_REFRESH_TOKEN");
  }

  @Test
  void whenRotationIsOnThenTheRefreshTokenIsReplacedAndTheOldAccessTokenStaysValid() {
    Sandbox sandbox = Sandbox.inMemory().apps(app).rotate(true).build();
    IssuedTokens login = sandbox.login(app);

    IssuedTokens refreshed =
        sandbox.refreshGrant.grant(Sandbox.refresh(app, login.refreshToken()), app);

    assertThat(refreshed.refreshToken()).isNotEqualTo(login.refreshToken());
    assertThat(sandbox.metadata.access(login.accessToken()).getToken())
        .isEqualTo(login.accessToken());
    IssuedTokens next =
        sandbox.refreshGrant.grant(Sandbox.refresh(app, refreshed.refreshToken()), app);
    assertThat(next.refreshToken()).isNotIn(login.refreshToken(), refreshed.refreshToken());
  }

  @Test
  void whenRotationIsOnAndARotatedOutTokenIsPresentedThenItIs400AndTheWholeFamilyIsRevoked() {
    Sandbox sandbox = Sandbox.inMemory().apps(app).rotate(true).build();
    IssuedTokens login = sandbox.login(app);
    IssuedTokens second =
        sandbox.refreshGrant.grant(Sandbox.refresh(app, login.refreshToken()), app);
    IssuedTokens third =
        sandbox.refreshGrant.grant(Sandbox.refresh(app, second.refreshToken()), app);
    IssuedTokens otherLogin = sandbox.login(app);

    assertThatThrownBy(
            () -> sandbox.refreshGrant.grant(Sandbox.refresh(app, login.refreshToken()), app))
        .satisfies(e -> assertError(e, 400, "BAD_REFRESH_TOKEN"));

    assertThatThrownBy(
            () -> sandbox.refreshGrant.grant(Sandbox.refresh(app, third.refreshToken()), app))
        .satisfies(e -> assertError(e, 400, "BAD_REFRESH_TOKEN"));
    for (IssuedTokens issued : List.of(login, second, third)) {
      assertThatThrownBy(() -> sandbox.metadata.access(issued.accessToken()))
          .satisfies(e -> assertError(e, 401, null));
    }
    assertThat(sandbox.metadata.refresh(otherLogin.refreshToken()).getToken()).isNotBlank();
    assertThat(sandbox.metadata.access(otherLogin.accessToken()).getToken()).isNotBlank();
  }

  @Test
  void whenAnotherClientPresentsARotatedOutTokenThenItIs400AndTheFamilyLives() {
    Sandbox sandbox = Sandbox.inMemory().apps(app, otherApp).rotate(true).build();
    IssuedTokens login = sandbox.login(app);
    IssuedTokens second =
        sandbox.refreshGrant.grant(Sandbox.refresh(app, login.refreshToken()), app);

    assertThatThrownBy(
            () ->
                sandbox.refreshGrant.grant(
                    Sandbox.refresh(otherApp, login.refreshToken()), otherApp))
        .satisfies(e -> assertError(e, 400, "BAD_REFRESH_TOKEN"));

    assertThat(sandbox.refreshGrant.grant(Sandbox.refresh(app, second.refreshToken()), app))
        .isNotNull();
  }

  @Test
  void whenRotationIsOnAndTheRefreshRaceIsLostThenTheLoserGetsTheWinnersSuccessor() {
    Sandbox sandbox = Sandbox.inMemory().apps(app).rotate(true).build();
    IssuedTokens login = sandbox.login(app);
    // The token is rotated by another request between this request's read and its claim.
    IssuedTokens winner =
        sandbox.refreshGrant.grant(Sandbox.refresh(app, login.refreshToken()), app);
    RefreshTokenGrant racing =
        RefreshTokenGrant.of(firstReadBeforeRotation(sandbox.store), sandbox.mint, true);

    IssuedTokens loser = racing.grant(Sandbox.refresh(app, login.refreshToken()), app);

    assertThat(loser.refreshToken()).isEqualTo(winner.refreshToken());
    assertThat(sandbox.metadata.access(loser.accessToken()).getToken()).isNotBlank();
    assertThat(sandbox.metadata.refresh(winner.refreshToken()).getToken()).isNotBlank();
  }

  @Test
  void whenTheRotatedOutTokenIsRetriedWithinTheGraceThenTheSameSuccessorComesAndTheFamilyLives() {
    Sandbox sandbox = Sandbox.inMemory().apps(app).rotate(true).build();
    IssuedTokens login = sandbox.login(app);
    IssuedTokens lost = sandbox.refreshGrant.grant(Sandbox.refresh(app, login.refreshToken()), app);
    sandbox.clock.advance(RefreshTokenGrant.REUSE_GRACE.minusSeconds(1));

    IssuedTokens retried =
        sandbox.refreshGrant.grant(Sandbox.refresh(app, login.refreshToken()), app);

    assertThat(retried.refreshToken()).isEqualTo(lost.refreshToken());
    assertThat(retried.accessToken()).isNotEqualTo(lost.accessToken());
    for (IssuedTokens issued : List.of(lost, retried)) {
      assertThat(sandbox.metadata.access(issued.accessToken()).getToken()).isNotBlank();
    }
    IssuedTokens next =
        sandbox.refreshGrant.grant(Sandbox.refresh(app, retried.refreshToken()), app);
    assertThat(next.refreshToken()).isNotIn(login.refreshToken(), lost.refreshToken());
  }

  @Test
  void whenTheGraceHasPassedOrTheSuccessorWasUsedThenTheRetryRevokesTheFamily() {
    Sandbox sandbox = Sandbox.inMemory().apps(app).rotate(true).build();
    IssuedTokens late = sandbox.login(app);
    IssuedTokens lateNext =
        sandbox.refreshGrant.grant(Sandbox.refresh(app, late.refreshToken()), app);
    IssuedTokens used = sandbox.login(app);
    IssuedTokens usedNext =
        sandbox.refreshGrant.grant(Sandbox.refresh(app, used.refreshToken()), app);
    sandbox.refreshGrant.grant(Sandbox.refresh(app, usedNext.refreshToken()), app);

    assertError(
        catchThrowable(
            () -> sandbox.refreshGrant.grant(Sandbox.refresh(app, used.refreshToken()), app)),
        400,
        "BAD_REFRESH_TOKEN");
    sandbox.clock.advance(RefreshTokenGrant.REUSE_GRACE);
    assertError(
        catchThrowable(
            () -> sandbox.refreshGrant.grant(Sandbox.refresh(app, late.refreshToken()), app)),
        400,
        "BAD_REFRESH_TOKEN");

    for (IssuedTokens revoked : List.of(lateNext, usedNext)) {
      assertError(
          catchThrowable(() -> sandbox.metadata.refresh(revoked.refreshToken())), 401, null);
    }
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

  /** The store, but its first refresh-token read shows the token as it was before rotation. */
  private static SandboxStore firstReadBeforeRotation(SandboxStore store) {
    AtomicBoolean first = new AtomicBoolean(true);
    return (SandboxStore)
        Proxy.newProxyInstance(
            SandboxStore.class.getClassLoader(),
            new Class<?>[] {SandboxStore.class},
            (proxy, method, args) -> {
              Object result = method.invoke(store, args);
              if (method.getName().equals("findRefreshToken") && first.getAndSet(false)) {
                @SuppressWarnings("unchecked")
                Optional<RefreshTokenRow> row = (Optional<RefreshTokenRow>) result;
                return row.map(r -> r.rotated(null, null));
              }
              return result;
            });
  }
}
