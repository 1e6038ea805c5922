package dev.oauthkit.hubspot.sandbox.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthkit.hubspot.sandbox.grant.IssuedTokens;
import dev.oauthkit.hubspot.sandbox.store.App;
import dev.oauthkit.hubspot.sandbox.testing.Sandbox;
import dev.oauthkit.hubspot.sandbox.testing.TestApps;
import dev.oauthkit.hubspot.sandbox.web.ApiError;
import org.junit.jupiter.api.Test;

/** Introspection agrees with the v1 metadata call on what a rotated-out refresh token does. */
class TokenIntrospectorTest {

  private final App app = TestApps.app().build();
  private final App other = TestApps.app().clientId("other-client").appId(4343).build();

  @Test
  void whenRotationIsOnAndARotatedOutTokenIsIntrospectedThenItIsInactiveAndTheFamilyIsRevoked() {
    Sandbox sandbox = Sandbox.inMemory().apps(app).rotate(true).build();
    TokenIntrospector introspector = introspector(sandbox);
    IssuedTokens login = sandbox.login(app);
    IssuedTokens rotated = sandbox.tokens.exchange(Sandbox.refresh(app, login.refreshToken()));
    assertThat(introspector.introspect(app, rotated.refreshToken()).getActive()).isTrue();

    assertThat(introspector.introspect(app, login.refreshToken()).getActive()).isFalse();

    assertThat(introspector.introspect(app, rotated.refreshToken()).getActive()).isFalse();
    assertThat(introspector.introspect(app, rotated.accessToken()).getActive()).isFalse();
    assertThatThrownBy(() -> sandbox.metadata.refresh(rotated.refreshToken()))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.httpStatus()).isEqualTo(401));
  }

  @Test
  void whenAnotherClientIntrospectsARotatedOutTokenThenItIsInactiveAndTheFamilyLives() {
    Sandbox sandbox = Sandbox.inMemory().apps(app, other).rotate(true).build();
    TokenIntrospector introspector = introspector(sandbox);
    IssuedTokens login = sandbox.login(app);
    IssuedTokens rotated = sandbox.tokens.exchange(Sandbox.refresh(app, login.refreshToken()));

    assertThat(introspector.introspect(other, login.refreshToken()).getActive()).isFalse();

    assertThat(introspector.introspect(app, rotated.refreshToken()).getActive()).isTrue();
  }

  private static TokenIntrospector introspector(Sandbox sandbox) {
    return TokenIntrospector.of(
        sandbox.store,
        AccessTokens.of(sandbox.store, sandbox.mint.seal()),
        sandbox.clock,
        EarlyExpiry.of(sandbox.clock));
  }
}
