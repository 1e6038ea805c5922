package dev.oauthkit.hubspot.contract.server;

import static dev.oauthkit.hubspot.contract.server.FlowSteps.field;

import java.util.Map;

/**
 * The sequences that cross versions through the one store. With v1: a token minted through v1
 * introspects active on a date version, is revoked there and is then refused by v1 and inactive; a
 * token minted on a date version is described by v1, refreshed on its version (following rotation)
 * and, revoked through v1, is inactive. Between two date versions: a token minted on one
 * introspects active on the other, is revoked there and is inactive on the first.
 */
final class CrossVersionFlows {

  private final FlowSteps steps;
  private final SandboxAdmin admin;

  CrossVersionFlows(ContractRun run, SandboxAdmin admin) {
    this.steps = new FlowSteps(run);
    this.admin = admin;
  }

  /** Both directions between v1 and one date version. */
  void withV1(V1Api v1, DateApi date, SandboxAdmin.App app) {
    mintedThroughV1(v1, date, app);
    mintedOnDateVersion(v1, date, app);
  }

  /** v1 exchange -> introspect (active) -> revoke on the date version -> v1 401, inactive. */
  private void mintedThroughV1(V1Api v1, DateApi date, SandboxAdmin.App app) {
    Map<String, String> code = TokenForms.code(app, admin.createCode(app), null);
    Exchange minted = steps.post(v1.token(), "v1 exchange", code, 200);
    String access = field(minted, "access_token");
    String refresh = field(minted, "refresh_token");
    Exchange record = introspect(date, app, "introspect a v1 access token", access);
    steps.expect(date.introspect(), record, "active", "true");
    steps.expect(date.introspect(), record, "token_use", "access_token");
    record = introspect(date, app, "introspect a v1 refresh token", refresh);
    steps.expect(date.introspect(), record, "token_use", "refresh_token");
    steps.post(date.revoke(), "revoke a v1 refresh token", TokenForms.token(app, refresh), 200);
    steps.call(v1.accessMetadata(), "v1 access metadata after a date-version revoke", access, 401);
    record = introspect(date, app, "introspect a v1 access token after revoke", access);
    steps.expect(date.introspect(), record, "active", "false");
    Exchange refused =
        steps.post(
            date.create(),
            "refresh a v1 token after revoke",
            TokenForms.refresh(app, refresh),
            400);
    steps.expect(date.create(), refused, "status", "BAD_REFRESH_TOKEN");
  }

  /** Date-version exchange -> v1 metadata 200 -> refresh -> v1 revoke -> inactive. */
  private void mintedOnDateVersion(V1Api v1, DateApi date, SandboxAdmin.App app) {
    Exchange minted = mint(date, app);
    String refresh = field(minted, "refresh_token");
    steps.call(
        v1.accessMetadata(),
        "v1 access metadata of a date-version token",
        field(minted, "access_token"),
        200);
    Exchange refreshed =
        steps.post(
            date.create(), "refresh before a v1 revoke", TokenForms.refresh(app, refresh), 200);
    refresh = FlowSteps.refreshTokenAfter(refreshed, refresh);
    steps.call(v1.revoke(), "v1 revoke of a date-version refresh token", refresh, 204);
    Exchange inactive = introspect(date, app, "introspect after a v1 revoke", refresh);
    steps.expect(date.introspect(), inactive, "active", "false");
  }

  /** Minted on {@code minting}: active on {@code other}, revoked there, inactive on both. */
  void between(DateApi minting, DateApi other, SandboxAdmin.App app) {
    Exchange minted = mint(minting, app);
    String access = field(minted, "access_token");
    String refresh = field(minted, "refresh_token");
    String from = " minted on " + minting.version();
    Exchange record = introspect(other, app, "introspect an access token" + from, access);
    steps.expect(other.introspect(), record, "active", "true");
    steps.post(
        other.revoke(), "revoke a refresh token" + from, TokenForms.token(app, refresh), 200);
    record = introspect(minting, app, "introspect after a revoke on " + other.version(), access);
    steps.expect(minting.introspect(), record, "active", "false");
    record = introspect(other, app, "introspect a revoked refresh token" + from, refresh);
    steps.expect(other.introspect(), record, "active", "false");
  }

  private Exchange mint(DateApi date, SandboxAdmin.App app) {
    Map<String, String> code = TokenForms.code(app, admin.createCode(app), null);
    Exchange minted = steps.post(date.create(), "exchange a code", code, 200);
    steps.expect(date.create(), minted, "token_use", "access_token");
    return minted;
  }

  private Exchange introspect(DateApi date, SandboxAdmin.App app, String name, String token) {
    return steps.post(date.introspect(), name, TokenForms.token(app, token), 200);
  }
}
