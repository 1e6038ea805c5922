package dev.oauthkit.hubspot.contract.server;

import dev.oauthkit.hubspot.contract.spec.OperationContract;
import dev.oauthkit.hubspot.contract.spec.ResponseContract;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stateful sequences of the v1 API, through the sandbox admin API: exchange, metadata, refresh,
 * revoke and 401 afterwards; code reuse revoking what the code produced; redirect URI rules; and
 * one injected server error per operation, so that every documented status is seen.
 */
final class FlowCases {

  private static final String GROUP = "flow";
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final ContractRun run;
  private final SandboxAdmin admin;
  private final OperationContract token;
  private final OperationContract accessMetadata;
  private final OperationContract refreshMetadata;
  private final OperationContract revoke;

  FlowCases(ContractRun run, SandboxAdmin admin) {
    this.run = run;
    this.admin = admin;
    this.token = run.spec().operation("createOrRefreshAccessToken");
    this.accessMetadata = run.spec().operation("getAccessTokenMetadata");
    this.refreshMetadata = run.spec().operation("getRefreshTokenMetadata");
    this.revoke = run.spec().operation("revokeRefreshToken");
  }

  /** Runs the flows; returns the app they registered, for the property-based cases. */
  SandboxAdmin.App run() {
    SandboxAdmin.App app = admin.createApp("contract-tests");
    lifecycle(app);
    codeReuse(app);
    redirectUris(app);
    serverErrors(app);
    return app;
  }

  /** exchange -> metadata -> refresh -> revoke -> 401. */
  private void lifecycle(SandboxAdmin.App app) {
    JsonNode tokens = exchange(app, "exchange a fresh code");
    String refreshToken = tokens.path("refresh_token").asString();
    send(accessMetadata, "access metadata", tokens.path("access_token").asString(), 200);
    send(refreshMetadata, "refresh metadata", refreshToken, 200);
    Exchange refreshed =
        post("refresh", refreshForm(app, refreshToken, app.clientSecret()), Set.of(200));
    String access = json(refreshed).path("access_token").asString();
    send(accessMetadata, "access metadata of a refreshed token", access, 200);
    post("refresh with a wrong secret", refreshForm(app, refreshToken, "wrong"), Set.of(401));

    send(revoke, "revoke the refresh token", refreshToken, 204);
    send(refreshMetadata, "refresh metadata after revoke", refreshToken, 401);
    send(accessMetadata, "access metadata after revoke", access, 401);
    post("refresh after revoke", refreshForm(app, refreshToken, app.clientSecret()), Set.of(400));
    send(revoke, "revoke twice", refreshToken, 401);
  }

  /** RFC 6749 4.1.2: a reused code is refused and the tokens it produced are revoked. */
  private void codeReuse(SandboxAdmin.App app) {
    String code = admin.createCode(app);
    Exchange first = post("exchange a code", codeForm(app, code, app.redirectUri()), Set.of(200));
    JsonNode tokens = json(first);
    post("reuse an exchanged code", codeForm(app, code, app.redirectUri()), Set.of(400));
    send(
        accessMetadata,
        "access token of a reused code",
        tokens.path("access_token").asString(),
        401);
    send(
        refreshMetadata,
        "refresh token of a reused code",
        tokens.path("refresh_token").asString(),
        401);
  }

  private void redirectUris(SandboxAdmin.App app) {
    post(
        "exchange with an unregistered redirect_uri",
        codeForm(app, admin.createCode(app), "https://elsewhere.example.com/cb"),
        Set.of(400));
    post(
        "exchange with another registered redirect_uri",
        codeForm(app, admin.createCode(app), app.otherRedirectUri()),
        Set.of(400));
  }

  /** Arms one fault per documented 5xx and sends an otherwise good request. */
  private void serverErrors(SandboxAdmin.App app) {
    JsonNode tokens = exchange(app, "exchange a code before server errors");
    String refreshToken = tokens.path("refresh_token").asString();
    for (OperationContract operation : run.spec().operations()) {
      if (!operation.version().equals(token.version())) {
        continue; // the 2026-03 operations' faults are armed by Flows202603
      }
      for (ResponseContract response : operation.responses().values()) {
        if (response.status() < 500) {
          continue;
        }
        admin.armFault(operation.operationId(), response.status());
        String name = "injected " + response.status();
        if (operation == token) {
          post(name, refreshForm(app, refreshToken, app.clientSecret()), Set.of(response.status()));
        } else {
          String value =
              operation == accessMetadata ? tokens.path("access_token").asString() : refreshToken;
          send(operation, name, value, response.status());
        }
      }
    }
  }

  private JsonNode exchange(SandboxAdmin.App app, String name) {
    String code = admin.createCode(app);
    return json(post(name, codeForm(app, code, app.redirectUri()), Set.of(200)));
  }

  private Map<String, String> codeForm(SandboxAdmin.App app, String code, String redirectUri) {
    return Map.of(
        "grant_type",
        "authorization_code",
        "client_id",
        app.clientId(),
        "client_secret",
        app.clientSecret(),
        "redirect_uri",
        redirectUri,
        "code",
        code);
  }

  private Map<String, String> refreshForm(SandboxAdmin.App app, String refresh, String secret) {
    return Map.of(
        "grant_type",
        "refresh_token",
        "client_id",
        app.clientId(),
        "client_secret",
        secret,
        "refresh_token",
        refresh);
  }

  private Exchange post(String name, Map<String, String> form, Set<Integer> expected) {
    FormBody body = FormBody.of(form);
    return run.send(
        GROUP,
        token,
        token.path(),
        FORM,
        body.bytes(),
        Map.of(),
        name + " " + body.describe(),
        expected);
  }

  private void send(OperationContract op, String name, String value, int expected) {
    String path = op.expand(URLEncoder.encode(value, StandardCharsets.UTF_8));
    run.send(
        GROUP,
        op,
        path,
        null,
        null,
        Map.of(),
        name + " " + op.method() + " " + op.path(),
        Set.of(expected));
  }

  private static JsonNode json(Exchange exchange) {
    try {
      return JSON.readTree(exchange.body());
    } catch (RuntimeException e) {
      return JSON.createObjectNode();
    }
  }
}
