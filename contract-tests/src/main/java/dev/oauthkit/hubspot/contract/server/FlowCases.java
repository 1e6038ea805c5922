package dev.oauthkit.hubspot.contract.server;

import dev.oauthkit.hubspot.contract.spec.OperationContract;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stateful sequence: exchange a code, read both metadata endpoints, refresh, reuse the code,
 * revoke, and see every token of the revoked grant answer 401. Needs the sandbox admin API.
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

  void run() {
    SandboxAdmin.App app = admin.createApp("contract-tests");
    String code = admin.createCode(app);

    Exchange exchanged =
        post("exchange a fresh code", codeForm(app, code, app.redirectUri()), Set.of(200));
    JsonNode tokens = json(exchanged);
    String accessToken = tokens.path("access_token").asString();
    String refreshToken = tokens.path("refresh_token").asString();
    if (accessToken.isEmpty() || refreshToken.isEmpty()) {
      run.fail(GROUP, token.operationId(), "exchange a fresh code", "no tokens in the answer");
      return;
    }

    send(accessMetadata, "access metadata of a fresh token", accessToken, Set.of(200));
    send(refreshMetadata, "refresh metadata of a fresh token", refreshToken, Set.of(200));
    Exchange refreshed =
        post("refresh", refreshForm(app, refreshToken, app.clientSecret()), Set.of(200));
    String refreshedAccess = json(refreshed).path("access_token").asString();
    send(accessMetadata, "access metadata of a refreshed token", refreshedAccess, Set.of(200));

    post("reuse an exchanged code", codeForm(app, code, app.redirectUri()), Set.of(400));
    post("refresh with a wrong secret", refreshForm(app, refreshToken, "wrong"), Set.of(401));
    String second = admin.createCode(app);
    post(
        "exchange with another redirect_uri",
        codeForm(app, second, "https://elsewhere.example.com/cb"),
        Set.of(400));

    send(revoke, "revoke the refresh token", refreshToken, Set.of(204));
    send(refreshMetadata, "refresh metadata after revoke", refreshToken, Set.of(401));
    send(accessMetadata, "access metadata after revoke", refreshedAccess, Set.of(401));
    post("refresh after revoke", refreshForm(app, refreshToken, app.clientSecret()), Set.of(400));
    send(revoke, "revoke twice", refreshToken, Set.of(401));
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

  private Exchange send(OperationContract op, String name, String value, Set<Integer> expected) {
    String path = op.expand(URLEncoder.encode(value, StandardCharsets.UTF_8));
    return run.send(
        GROUP,
        op,
        path,
        null,
        null,
        Map.of(),
        name + " " + op.method() + " " + op.path(),
        expected);
  }

  private static JsonNode json(Exchange exchange) {
    try {
      return JSON.readTree(exchange.body());
    } catch (RuntimeException e) {
      return JSON.createObjectNode();
    }
  }
}
