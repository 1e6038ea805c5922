package dev.oauthkit.hubspot.sandbox.authorize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.oauthkit.hubspot.sandbox.secret.Secrets;
import dev.oauthkit.hubspot.sandbox.store.App;
import dev.oauthkit.hubspot.sandbox.store.AuthCodeRow;
import dev.oauthkit.hubspot.sandbox.testing.Sandbox;
import dev.oauthkit.hubspot.sandbox.testing.TestApps;
import dev.oauthkit.hubspot.sandbox.web.ApiError;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeIssuerTest {

  private final App app = TestApps.app().build();
  private final Sandbox sandbox = Sandbox.inMemory().apps(app).build();

  @Test
  void whenRequestIsMinimalThenTheCodeHasDefaultsAndLastsTenMinutes() {
    CodeIssuer.IssuedCode issued =
        sandbox.codes.issue(CodeRequest.of(app.clientId(), TestApps.REDIRECT_URI));

    AuthCodeRow row = sandbox.store.findCode(Secrets.sha256Hex(issued.code())).orElseThrow();
    assertThat(issued.expiresIn()).isEqualTo(600);
    assertThat(row.expiresAt()).isEqualTo(sandbox.clock.instant().plusSeconds(600));
    assertThat(row.grant().scopes()).isEqualTo(app.scopes());
    assertThat(row.grant().hubId()).isEqualTo(62515);
    assertThat(row.grant().hubDomain()).isEqualTo("sandbox-62515.hubspot.test");
    assertThat(row.redirectUri()).isEqualTo(TestApps.REDIRECT_URI);
  }

  @Test
  void whenClientIsUnknownAndRedirectMissingThenBothFieldsAreNamed() {
    ApiError error =
        catchThrowableOfType(
            ApiError.class, () -> sandbox.codes.issue(CodeRequest.of("nobody", null)));

    assertThat(error.httpStatus()).isEqualTo(400);
    assertThat(error.problems())
        .extracting(ApiError.Problem::field)
        .containsExactly("client_id", "redirect_uri");
  }

  @Test
  void whenRedirectUriIsNotRegisteredThenItIsRejected() {
    ApiError error =
        catchThrowableOfType(
            ApiError.class,
            () -> sandbox.codes.issue(CodeRequest.of(app.clientId(), "https://evil.example.com/")));

    assertThat(error.problems())
        .extracting(ApiError.Problem::field)
        .containsExactly("redirect_uri");
  }

  @Test
  void whenScopesLeaveOutARequiredScopeOrAddAnUnknownOneThenTheyAreRejected() {
    CodeRequest missing =
        CodeRequest.of(app.clientId(), TestApps.REDIRECT_URI).withScopes(List.of("oauth"));
    CodeRequest extra =
        CodeRequest.of(app.clientId(), TestApps.REDIRECT_URI)
            .withScopes(List.of("oauth", "crm.objects.contacts.read", "tickets"));

    assertThat(catchThrowableOfType(ApiError.class, () -> sandbox.codes.issue(missing)).problems())
        .extracting(ApiError.Problem::field)
        .containsExactly("scopes");
    assertThat(catchThrowableOfType(ApiError.class, () -> sandbox.codes.issue(extra)).problems())
        .extracting(ApiError.Problem::field)
        .containsExactly("scopes");
  }

  @Test
  void whenOptionalScopeIsAddedThenItIsGranted() {
    CodeRequest request =
        CodeRequest.of(app.clientId(), TestApps.REDIRECT_URI)
            .withScopes(List.of("oauth", "crm.objects.contacts.read", "automation"));

    String code = sandbox.codes.issue(request).code();

    assertThat(sandbox.store.findCode(Secrets.sha256Hex(code)).orElseThrow().grant().scopes())
        .contains("automation");
  }

  @Test
  void whenHubIdIsOutOfRangeThenItIsRejected() {
    CodeRequest request =
        CodeRequest.of(app.clientId(), TestApps.REDIRECT_URI).withUser(0L, null, null);

    assertThat(catchThrowableOfType(ApiError.class, () -> sandbox.codes.issue(request)).problems())
        .extracting(ApiError.Problem::field)
        .containsExactly("hub_id");
  }

  @Test
  void whenFreeTextFieldsAreLongerThanTheSpecAllowsThenEachIsNamed() {
    CodeRequest request =
        new CodeRequest(
            app.clientId(),
            TestApps.REDIRECT_URI,
            Collections.nCopies(101, app.scopes()).stream().flatMap(List::stream).toList(),
            null,
            null,
            "u".repeat(255),
            "d".repeat(254));

    assertThat(catchThrowableOfType(ApiError.class, () -> sandbox.codes.issue(request)).problems())
        .extracting(ApiError.Problem::field)
        .containsExactlyInAnyOrder("scopes", "user", "hub_domain");
  }
}
