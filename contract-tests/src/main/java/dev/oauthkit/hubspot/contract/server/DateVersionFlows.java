package dev.oauthkit.hubspot.contract.server;

import static dev.oauthkit.hubspot.contract.server.FlowSteps.field;

import dev.oauthkit.hubspot.contract.spec.OperationContract;
import dev.oauthkit.hubspot.contract.spec.ResponseContract;
import java.util.List;
import java.util.Map;

/**
 * The stateful sequences of one date version ({@link DateApi}), on its own paths: exchange,
 * introspect (active), the documented errors, refresh (following rotation) and its new access token
 * introspected (active), revoke, introspect (inactive), refresh refused; PKCE; client_credentials
 * for an app registered for it (admin API); and one injected server error per documented 5xx of
 * each of its operations. The same flows run for every date version; {@link CrossVersionFlows}
 * pairs versions.
 */
final class DateVersionFlows {

  private final FlowSteps steps;
  private final SandboxAdmin admin;
  private final DateApi api;
  private final OperationContract create;
  private final OperationContract introspect;
  private final OperationContract revoke;

  DateVersionFlows(ContractRun run, SandboxAdmin admin, DateApi api) {
    this.steps = new FlowSteps(run);
    this.admin = admin;
    this.api = api;
    this.create = api.create();
    this.introspect = api.introspect();
    this.revoke = api.revoke();
  }

  void run(SandboxAdmin.App app) {
    lifecycle(app);
    pkce(app);
    clientCredentials(app);
    serverErrors(app);
  }

  /**
   * exchange -> introspect -> errors -> refresh -> introspect the new access token (active) ->
   * revoke -> inactive -> refused -> code reuse.
   */
  private void lifecycle(SandboxAdmin.App app) {
    String code = admin.createCode(app);
    Exchange minted = steps.post(create, "exchange a code", TokenForms.code(app, code, null), 200);
    steps.expect(create, minted, "token_use", "access_token");
    String refresh = field(minted, "refresh_token");
    Exchange record = introspect(app, "introspect an access token", field(minted, "access_token"));
    steps.expect(introspect, record, "active", "true");
    steps.expect(introspect, record, "token_use", "access_token");
    record = introspect(app, "introspect a refresh token", refresh);
    steps.expect(introspect, record, "active", "true");
    steps.expect(introspect, record, "token_use", "refresh_token");
    errors(app, refresh);

    Exchange refreshed = steps.post(create, "refresh", TokenForms.refresh(app, refresh), 200);
    steps.expect(create, refreshed, "token_use", "access_token");
    refresh = FlowSteps.refreshTokenAfter(refreshed, refresh);
    String access = field(refreshed, "access_token");
    record = introspect(app, "introspect the refreshed access token", access);
    steps.expect(introspect, record, "active", "true");
    steps.expect(introspect, record, "token_use", "access_token");
    steps.post(revoke, "revoke the refresh token", TokenForms.token(app, refresh), 200);
    steps.expect(introspect, introspect(app, "introspect after revoke", access), "active", "false");
    record = introspect(app, "introspect a revoked refresh token", refresh);
    steps.expect(introspect, record, "active", "false");
    Exchange refused =
        steps.post(create, "refresh after revoke", TokenForms.refresh(app, refresh), 400);
    steps.expect(create, refused, "status", "BAD_REFRESH_TOKEN");
    steps.post(revoke, "revoke twice", TokenForms.token(app, refresh), 200);
    steps.post(revoke, "revoke an unknown token", TokenForms.token(app, "unknown-token"), 200);
    Exchange reused = steps.post(create, "reuse the code", TokenForms.code(app, code, null), 400);
    steps.expect(create, reused, "status", "BAD_AUTH_CODE");
  }

  /** The documented errors, with a live refresh token where one is needed. */
  private void errors(SandboxAdmin.App app, String refresh) {
    Map<String, String> other = TokenForms.code(app, admin.createCode(app), null);
    other.put("redirect_uri", app.otherRedirectUri());
    Exchange mismatch = steps.post(create, "exchange with another redirect_uri", other, 400);
    steps.expect(create, mismatch, "status", "MISMATCH_REDIRECT_URI_AUTH_CODE");
    Map<String, String> password = TokenForms.refresh(app, "r");
    password.put("grant_type", "password");
    Exchange unsupported = steps.post(create, "grant_type password", password, 400);
    steps.expect(create, unsupported, "error", "unsupported_grant_type");
    Map<String, String> noSecret = TokenForms.refresh(app, "r");
    noSecret.remove("client_secret");
    steps.expect(
        create, steps.post(create, "no client_secret", noSecret, 400), "error", "invalid_request");
    Map<String, String> cc = TokenForms.clientCredentials(app);
    Exchange unauthorized = steps.post(create, "client_credentials, app not registered", cc, 400);
    steps.expect(create, unauthorized, "error", "unauthorized_client");
    Map<String, String> wrong = TokenForms.refresh(app, refresh);
    wrong.put("client_secret", "wrong");
    Exchange wrongSecret = steps.post(create, "refresh with a wrong secret", wrong, 401);
    steps.expect(create, wrongSecret, "error", "invalid_client");
    Map<String, String> wrongToken = TokenForms.token(app, refresh);
    wrongToken.put("client_secret", "wrong");
    steps.post(introspect, "introspect with a wrong secret", wrongToken, 401);
    steps.post(revoke, "revoke with a wrong secret", wrongToken, 401);
    Map<String, String> noToken = TokenForms.token(app, refresh);
    noToken.remove("token");
    steps.post(introspect, "introspect without a token", noToken, 400);
    steps.post(revoke, "revoke without a token", noToken, 400);
  }

  /** A code bound to an S256 challenge needs the matching verifier. */
  private void pkce(SandboxAdmin.App app) {
    String verifier = "contract-tests-pkce-verifier-0123456789-abcdefghij";
    String code = admin.createCode(app, TokenForms.challenge(verifier));
    Exchange refused =
        steps.post(
            create, "PKCE code without code_verifier", TokenForms.code(app, code, null), 400);
    steps.expect(create, refused, "status", "BAD_CODE_VERIFIER");
    Map<String, String> wrong = TokenForms.code(app, code, verifier + "x");
    Exchange mismatch = steps.post(create, "PKCE code, wrong code_verifier", wrong, 400);
    steps.expect(create, mismatch, "status", "BAD_CODE_VERIFIER");
    steps.post(
        create, "PKCE code, matching code_verifier", TokenForms.code(app, code, verifier), 200);
  }

  /** An app registered for client_credentials gets a token without a refresh token. */
  private void clientCredentials(SandboxAdmin.App codeApp) {
    SandboxAdmin.App app =
        admin.createClientCredentialsApp(
            "contract-tests-client-credentials-" + api.version(),
            List.of("oauth", TokenForms.CLIENT_CREDENTIALS_SCOPE));
    Exchange token =
        steps.post(create, "client_credentials", TokenForms.clientCredentials(app), 200);
    steps.expect(create, token, "token_use", "client_credentials");
    if (FlowSteps.json(token).has("refresh_token")) {
      steps.fail(create, "client_credentials", "answer carries a refresh_token");
    }
    String access = field(token, "access_token");
    Exchange record =
        steps.post(
            introspect,
            "introspect a client_credentials token",
            TokenForms.token(app, access),
            200);
    steps.expect(introspect, record, "active", "true");
    Exchange foreign =
        steps.post(
            introspect,
            "introspect another client's token",
            TokenForms.token(codeApp, access),
            200);
    steps.expect(introspect, foreign, "active", "false");
  }

  /** Arms one fault per documented 5xx of each of the version's operations; a good request each. */
  private void serverErrors(SandboxAdmin.App app) {
    Exchange minted =
        steps.post(
            create,
            "exchange before server errors",
            TokenForms.code(app, admin.createCode(app), null),
            200);
    String refresh = field(minted, "refresh_token");
    for (OperationContract operation : api.operations()) {
      for (ResponseContract response : operation.responses().values()) {
        if (response.status() < 500) {
          continue;
        }
        admin.armFault(operation.operationId(), response.status());
        Map<String, String> form =
            operation == create ? TokenForms.refresh(app, refresh) : TokenForms.token(app, refresh);
        steps.post(operation, "injected " + response.status(), form, response.status());
      }
    }
  }

  private Exchange introspect(SandboxAdmin.App app, String name, String token) {
    return steps.post(introspect, name, TokenForms.token(app, token), 200);
  }
}
