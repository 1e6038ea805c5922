package dev.oauthkit.hubspot.contract.server;

import dev.oauthkit.hubspot.contract.spec.OperationContract;
import dev.oauthkit.hubspot.contract.spec.ResponseContract;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stateful sequences of the 2026-03 API, crossing into v1 through the one store: a token minted
 * through v1 introspects active on 2026-03, is revoked there and is then refused by v1 and inactive
 * on 2026-03; a token minted on 2026-03 is described by v1, and revoked through v1 is inactive on
 * 2026-03; PKCE; client_credentials for an app registered for it (admin API); the documented
 * errors; and one injected server error per documented 5xx of each 2026-03 operation.
 */
final class Flows202603 {

  /** The operationId whose presence in the spec makes these flows run. */
  static final String CREATE_TOKEN = "createToken";

  private static final String GROUP = "flow";
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final ContractRun run;
  private final SandboxAdmin admin;
  private final OperationContract create;
  private final OperationContract introspect;
  private final OperationContract revoke;
  private final OperationContract v1Token;
  private final OperationContract v1Access;
  private final OperationContract v1Revoke;

  Flows202603(ContractRun run, SandboxAdmin admin) {
    this.run = run;
    this.admin = admin;
    this.create = run.spec().operation(CREATE_TOKEN);
    this.introspect = run.spec().operation("introspectToken");
    this.revoke = run.spec().operation("revokeToken");
    this.v1Token = run.spec().operation("createOrRefreshAccessToken");
    this.v1Access = run.spec().operation("getAccessTokenMetadata");
    this.v1Revoke = run.spec().operation("revokeRefreshToken");
  }

  void run(SandboxAdmin.App app) {
    mintedThroughV1(app);
    mintedOn202603(app);
    pkce(app);
    clientCredentials(app);
    serverErrors(app);
  }

  /** v1 exchange -> 2026-03 introspect (active) -> 2026-03 revoke -> v1 401, inactive. */
  private void mintedThroughV1(SandboxAdmin.App app) {
    Map<String, String> code = Forms202603.code(app, admin.createCode(app), null);
    JsonNode tokens = json(post(v1Token, "v1 exchange", code, 200));
    String access = tokens.path("access_token").asString();
    String refresh = tokens.path("refresh_token").asString();
    Exchange record =
        post(introspect, "introspect a v1 access token", Forms202603.token(app, access), 200);
    expect(introspect, record, "active", "true");
    expect(introspect, record, "token_use", "access_token");
    record =
        post(introspect, "introspect a v1 refresh token", Forms202603.token(app, refresh), 200);
    expect(introspect, record, "token_use", "refresh_token");
    post(revoke, "revoke a v1 refresh token", Forms202603.token(app, refresh), 200);
    v1(v1Access, "v1 access metadata after a 2026-03 revoke", access, 401);
    record = post(introspect, "introspect after revoke", Forms202603.token(app, access), 200);
    expect(introspect, record, "active", "false");
    record =
        post(
            introspect, "introspect a revoked refresh token", Forms202603.token(app, refresh), 200);
    expect(introspect, record, "active", "false");
    Exchange refused = post(create, "refresh after revoke", Forms202603.refresh(app, refresh), 400);
    expect(create, refused, "status", "BAD_REFRESH_TOKEN");
    post(revoke, "revoke twice", Forms202603.token(app, refresh), 200);
    post(revoke, "revoke an unknown token", Forms202603.token(app, "unknown-token"), 200);
  }

  /** 2026-03 exchange -> v1 metadata 200 -> the documented errors -> refresh -> v1 revoke. */
  private void mintedOn202603(SandboxAdmin.App app) {
    String code = admin.createCode(app);
    Exchange minted = post(create, "exchange a code", Forms202603.code(app, code, null), 200);
    expect(create, minted, "token_use", "access_token");
    JsonNode tokens = json(minted);
    String refresh = tokens.path("refresh_token").asString();
    v1(
        v1Access,
        "v1 access metadata of a 2026-03 token",
        tokens.path("access_token").asString(),
        200);
    Map<String, String> other = Forms202603.code(app, admin.createCode(app), null);
    other.put("redirect_uri", app.otherRedirectUri());
    Exchange mismatch = post(create, "exchange with another redirect_uri", other, 400);
    expect(create, mismatch, "status", "MISMATCH_REDIRECT_URI_AUTH_CODE");
    Map<String, String> password = Forms202603.refresh(app, "r");
    password.put("grant_type", "password");
    expect(
        create,
        post(create, "grant_type password", password, 400),
        "error",
        "unsupported_grant_type");
    Map<String, String> noSecret = Forms202603.refresh(app, "r");
    noSecret.remove("client_secret");
    expect(create, post(create, "no client_secret", noSecret, 400), "error", "invalid_request");
    Map<String, String> cc = Forms202603.clientCredentials(app);
    expect(
        create,
        post(create, "client_credentials, app not registered", cc, 400),
        "error",
        "unauthorized_client");
    Map<String, String> wrong = Forms202603.refresh(app, refresh);
    wrong.put("client_secret", "wrong");
    expect(
        create, post(create, "refresh with a wrong secret", wrong, 401), "error", "invalid_client");
    Map<String, String> wrongToken = Forms202603.token(app, refresh);
    wrongToken.put("client_secret", "wrong");
    post(introspect, "introspect with a wrong secret", wrongToken, 401);
    post(revoke, "revoke with a wrong secret", wrongToken, 401);
    Map<String, String> noToken = Forms202603.token(app, refresh);
    noToken.remove("token");
    post(introspect, "introspect without a token", noToken, 400);
    post(revoke, "revoke without a token", noToken, 400);
    Exchange refreshed = post(create, "refresh", Forms202603.refresh(app, refresh), 200);
    expect(create, refreshed, "token_use", "access_token");
    String rotated = json(refreshed).path("refresh_token").asString();
    v1(v1Revoke, "v1 revoke of a 2026-03 refresh token", rotated, 204);
    Exchange inactive =
        post(introspect, "introspect after a v1 revoke", Forms202603.token(app, rotated), 200);
    expect(introspect, inactive, "active", "false");
    Exchange reused = post(create, "reuse the code", Forms202603.code(app, code, null), 400);
    expect(create, reused, "status", "BAD_AUTH_CODE");
  }

  /** A code bound to an S256 challenge needs the matching verifier. */
  private void pkce(SandboxAdmin.App app) {
    String verifier = "contract-tests-pkce-verifier-0123456789-abcdefghij";
    String code = admin.createCode(app, Forms202603.challenge(verifier));
    Exchange refused =
        post(create, "PKCE code without code_verifier", Forms202603.code(app, code, null), 400);
    expect(create, refused, "status", "BAD_CODE_VERIFIER");
    Map<String, String> wrong = Forms202603.code(app, code, verifier + "x");
    expect(
        create,
        post(create, "PKCE code, wrong code_verifier", wrong, 400),
        "status",
        "BAD_CODE_VERIFIER");
    post(create, "PKCE code, matching code_verifier", Forms202603.code(app, code, verifier), 200);
  }

  /** An app registered for client_credentials gets a token without a refresh token. */
  private void clientCredentials(SandboxAdmin.App codeApp) {
    SandboxAdmin.App app =
        admin.createClientCredentialsApp(
            "contract-tests-client-credentials",
            List.of("oauth", Forms202603.CLIENT_CREDENTIALS_SCOPE));
    Exchange token = post(create, "client_credentials", Forms202603.clientCredentials(app), 200);
    expect(create, token, "token_use", "client_credentials");
    if (json(token).has("refresh_token")) {
      run.fail(GROUP, create.operationId(), "client_credentials", "answer carries a refresh_token");
    }
    Exchange record =
        post(
            introspect,
            "introspect a client_credentials token",
            Forms202603.token(app, json(token).path("access_token").asString()),
            200);
    expect(introspect, record, "active", "true");
    Exchange foreign =
        post(
            introspect,
            "introspect another client's token",
            Forms202603.token(codeApp, json(token).path("access_token").asString()),
            200);
    expect(introspect, foreign, "active", "false");
  }

  /** Arms one fault per documented 5xx of each 2026-03 operation and sends a good request. */
  private void serverErrors(SandboxAdmin.App app) {
    String refresh =
        json(post(
                create,
                "exchange before server errors",
                Forms202603.code(app, admin.createCode(app), null),
                200))
            .path("refresh_token")
            .asString();
    for (OperationContract operation : List.of(create, introspect, revoke)) {
      for (ResponseContract response : operation.responses().values()) {
        if (response.status() < 500) {
          continue;
        }
        admin.armFault(operation.operationId(), response.status());
        Map<String, String> form =
            operation == create
                ? Forms202603.refresh(app, refresh)
                : Forms202603.token(app, refresh);
        post(operation, "injected " + response.status(), form, response.status());
      }
    }
  }

  private Exchange post(OperationContract op, String name, Map<String, String> form, int expected) {
    FormBody body = FormBody.of(form);
    return run.send(
        GROUP,
        op,
        op.path(),
        FORM,
        body.bytes(),
        Map.of(),
        name + " " + op.method() + " " + op.path() + " " + body.describe(),
        Set.of(expected));
  }

  private void v1(OperationContract op, String name, String token, int expected) {
    run.send(
        GROUP,
        op,
        op.expand(URLEncoder.encode(token, StandardCharsets.UTF_8)),
        null,
        null,
        Map.of(),
        name + " " + op.method() + " " + op.path(),
        Set.of(expected));
  }

  /** Records a failure when an answered exchange's body lacks {@code field} = {@code value}. */
  private void expect(OperationContract op, Exchange exchange, String field, String value) {
    JsonNode actual = json(exchange).path(field);
    if (exchange.answered() && !(actual.isValueNode() && actual.asString().equals(value))) {
      run.fail(
          GROUP,
          op.operationId(),
          exchange.request(),
          "expected "
              + field
              + " "
              + value
              + ", got "
              + (actual.isMissingNode() ? "none" : actual));
    }
  }

  private static JsonNode json(Exchange exchange) {
    try {
      return JSON.readTree(exchange.body());
    } catch (RuntimeException e) {
      return JSON.createObjectNode();
    }
  }
}
