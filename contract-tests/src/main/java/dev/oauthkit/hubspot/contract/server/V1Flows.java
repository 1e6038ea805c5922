package dev.oauthkit.hubspot.contract.server;

import static dev.oauthkit.hubspot.contract.server.FlowSteps.field;

import dev.oauthkit.hubspot.contract.spec.ContractSpec;
import dev.oauthkit.hubspot.contract.spec.OperationContract;
import dev.oauthkit.hubspot.contract.spec.ResponseContract;
import java.util.Map;

/**
 * The stateful sequences of the v1 API, through the sandbox admin API: exchange, metadata, refresh
 * (following rotation), revoke and 401 afterwards; code reuse revoking what the code produced;
 * redirect URI rules; and one injected server error per documented 5xx of each v1 operation.
 */
final class V1Flows {

  private final ContractSpec spec;
  private final FlowSteps steps;
  private final SandboxAdmin admin;
  private final V1Api v1;

  V1Flows(ContractRun run, SandboxAdmin admin, V1Api v1) {
    this.spec = run.spec();
    this.steps = new FlowSteps(run);
    this.admin = admin;
    this.v1 = v1;
  }

  void run(SandboxAdmin.App app) {
    lifecycle(app);
    codeReuse(app);
    redirectUris(app);
    serverErrors(app);
  }

  /** exchange -> metadata -> refresh -> revoke -> 401. */
  private void lifecycle(SandboxAdmin.App app) {
    Exchange minted = exchange(app, "exchange a fresh code");
    String refresh = field(minted, "refresh_token");
    steps.call(v1.accessMetadata(), "access metadata", field(minted, "access_token"), 200);
    steps.call(v1.refreshMetadata(), "refresh metadata", refresh, 200);
    Exchange refreshed = steps.post(v1.token(), "refresh", TokenForms.refresh(app, refresh), 200);
    refresh = FlowSteps.refreshTokenAfter(refreshed, refresh);
    String access = field(refreshed, "access_token");
    steps.call(v1.accessMetadata(), "access metadata of a refreshed token", access, 200);
    Map<String, String> wrong = TokenForms.refresh(app, refresh);
    wrong.put("client_secret", "wrong");
    steps.post(v1.token(), "refresh with a wrong secret", wrong, 401);

    steps.call(v1.revoke(), "revoke the refresh token", refresh, 204);
    steps.call(v1.refreshMetadata(), "refresh metadata after revoke", refresh, 401);
    steps.call(v1.accessMetadata(), "access metadata after revoke", access, 401);
    steps.post(v1.token(), "refresh after revoke", TokenForms.refresh(app, refresh), 400);
    steps.call(v1.revoke(), "revoke twice", refresh, 401);
  }

  /** RFC 6749 4.1.2: a reused code is refused and the tokens it produced are revoked. */
  private void codeReuse(SandboxAdmin.App app) {
    String code = admin.createCode(app);
    Exchange first =
        steps.post(v1.token(), "exchange a code", TokenForms.code(app, code, null), 200);
    steps.post(v1.token(), "reuse an exchanged code", TokenForms.code(app, code, null), 400);
    steps.call(
        v1.accessMetadata(), "access token of a reused code", field(first, "access_token"), 401);
    steps.call(
        v1.refreshMetadata(), "refresh token of a reused code", field(first, "refresh_token"), 401);
  }

  private void redirectUris(SandboxAdmin.App app) {
    Map<String, String> unregistered = TokenForms.code(app, admin.createCode(app), null);
    unregistered.put("redirect_uri", "https://elsewhere.example.com/cb");
    steps.post(v1.token(), "exchange with an unregistered redirect_uri", unregistered, 400);
    Map<String, String> other = TokenForms.code(app, admin.createCode(app), null);
    other.put("redirect_uri", app.otherRedirectUri());
    steps.post(v1.token(), "exchange with another registered redirect_uri", other, 400);
  }

  /** Arms one fault per documented 5xx of each v1 operation and sends an otherwise good request. */
  private void serverErrors(SandboxAdmin.App app) {
    Exchange minted = exchange(app, "exchange a code before server errors");
    String refresh = field(minted, "refresh_token");
    for (OperationContract operation : spec.operations()) {
      if (!operation.version().equals(v1.version())) {
        continue; // each date version's faults are armed by its DateVersionFlows
      }
      for (ResponseContract response : operation.responses().values()) {
        if (response.status() < 500) {
          continue;
        }
        admin.armFault(operation.operationId(), response.status());
        String name = "injected " + response.status();
        if (operation == v1.token()) {
          steps.post(operation, name, TokenForms.refresh(app, refresh), response.status());
        } else {
          String value = operation == v1.accessMetadata() ? field(minted, "access_token") : refresh;
          steps.call(operation, name, value, response.status());
        }
      }
    }
  }

  private Exchange exchange(SandboxAdmin.App app, String name) {
    return steps.post(v1.token(), name, TokenForms.code(app, admin.createCode(app), null), 200);
  }
}
