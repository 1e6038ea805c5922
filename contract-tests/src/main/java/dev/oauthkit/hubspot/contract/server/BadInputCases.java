package dev.oauthkit.hubspot.contract.server;

import dev.oauthkit.hubspot.contract.spec.OperationContract;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * A fixed catalogue of client mistakes for v1 (run when v1 is checked): wrong content types, empty,
 * malformed, badly encoded and oversized bodies, missing fields, unknown grants, and odd path
 * tokens. Each must get a documented 4xx with an Error body; none may get a 5xx.
 */
final class BadInputCases {

  private static final String GROUP = "bad-input";
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final Set<Integer> BAD_REQUEST = Set.of(400);
  private static final Set<Integer> REJECTED = Set.of(400, 401);
  private static final Set<Integer> UNAUTHORIZED = Set.of(401);

  private final ContractRun run;
  private final OperationContract token;

  BadInputCases(ContractRun run, V1Api v1) {
    this.run = run;
    this.token = v1.token();
  }

  void run() {
    tokenBodies();
    tokenFields();
    for (OperationContract operation : run.spec().operations()) {
      if (operation.hasPathParameter()) {
        pathTokens(operation);
      }
    }
  }

  private void tokenBodies() {
    byte[] refresh = refresh().bytes();
    for (String query : new String[] {"?x=%zz", "?%ff=1"}) {
      run.send(
          GROUP,
          token,
          token.path() + query,
          FORM,
          refresh,
          Map.of(),
          "junk query " + query,
          REJECTED);
    }
    post("empty body", FORM, new byte[0], BAD_REQUEST);
    post("no Content-Type", null, refresh, BAD_REQUEST);
    post("JSON body", "application/json", json(), BAD_REQUEST);
    post("text/plain body", "text/plain", refresh, BAD_REQUEST);
    post("form Content-Type, JSON body", FORM, json(), BAD_REQUEST);
    post("malformed escape", FORM, refresh().raw("code=%zz").bytes(), BAD_REQUEST);
    post("truncated escape", FORM, refresh().raw("code=%4").bytes(), BAD_REQUEST);
    post("invalid UTF-8", FORM, refresh().raw("client_id=%C3%28").bytes(), REJECTED);
    post("charset latin1", FORM + "; charset=ISO-8859-1", refresh, REJECTED);
    post("binary body", "application/octet-stream", new byte[] {0, 1, 2, (byte) 255}, BAD_REQUEST);
    post("oversized body (96 KiB)", FORM, oversized(), BAD_REQUEST);
  }

  private void tokenFields() {
    post("unknown grant_type", FORM, form("password").bytes(), BAD_REQUEST);
    post("client_credentials grant", FORM, form("client_credentials").bytes(), BAD_REQUEST);
    post("no grant_type", FORM, creds(FormBody.create()).bytes(), BAD_REQUEST);
    post("empty grant_type", FORM, form("").bytes(), BAD_REQUEST);
    post(
        "no client_id",
        FORM,
        FormBody.create()
            .field("grant_type", "refresh_token")
            .field("client_secret", "s")
            .field("refresh_token", "r")
            .bytes(),
        BAD_REQUEST);
    post(
        "no client_secret",
        FORM,
        FormBody.create()
            .field("grant_type", "refresh_token")
            .field("client_id", "c")
            .field("refresh_token", "r")
            .bytes(),
        BAD_REQUEST);
    post("refresh without refresh_token", FORM, form("refresh_token").bytes(), BAD_REQUEST);
    post(
        "code grant without code",
        FORM,
        form("authorization_code").field("redirect_uri", "https://a.example/cb").bytes(),
        BAD_REQUEST);
    post(
        "code grant without redirect_uri",
        FORM,
        form("authorization_code").field("code", "c").bytes(),
        BAD_REQUEST);
    post("unknown client", FORM, refresh().bytes(), REJECTED);
    post(
        "unknown code",
        FORM,
        form("authorization_code")
            .field("code", "nope")
            .field("redirect_uri", "https://a.example/cb")
            .bytes(),
        REJECTED);
    post(
        "grant_type twice",
        FORM,
        refresh().field("grant_type", "authorization_code").bytes(),
        BAD_REQUEST);
    run.send(
        GROUP,
        token,
        token.path() + "?grant_type=refresh_token&client_id=c&client_secret=s&refresh_token=r",
        FORM,
        new byte[0],
        Map.of(),
        "fields in the query string, empty body",
        BAD_REQUEST);
  }

  private void pathTokens(OperationContract operation) {
    String[] odd = {
      "unknown-token",
      "%00",
      "%2F",
      "a%2Fb",
      "..",
      "%2e%2e",
      "%5C",
      "a%20b",
      "%ZZ",
      "%",
      "%F0%9F%94%91",
      "%C3%28",
      "null",
      "x".repeat(4000),
      "a;b=c",
      "%3Cscript%3E"
    };
    for (String query : new String[] {"?x=%zz", "?%ff=1", "?x=%C3%28&x=2"}) {
      run.send(
          GROUP,
          operation,
          operation.expand("unknown-token") + query,
          null,
          null,
          Map.of(),
          operation.method() + " " + operation.path() + " with query " + query,
          UNAUTHORIZED);
    }
    for (String token : odd) {
      String shown = token.length() > 32 ? "x * " + token.length() : token;
      run.send(
          GROUP,
          operation,
          operation.expand(token),
          null,
          null,
          Map.of(),
          operation.method() + " " + operation.path() + " token=" + shown,
          UNAUTHORIZED);
    }
  }

  private void post(String name, String contentType, byte[] body, Set<Integer> expected) {
    run.send(GROUP, token, token.path(), contentType, body, Map.of(), name, expected);
  }

  private static FormBody form(String grantType) {
    return creds(FormBody.create().field("grant_type", grantType));
  }

  private static FormBody creds(FormBody body) {
    return body.field("client_id", "unknown-client").field("client_secret", "unknown-secret");
  }

  private static FormBody refresh() {
    return form("refresh_token").field("refresh_token", "unknown-refresh-token");
  }

  private static byte[] json() {
    return "{\"grant_type\":\"refresh_token\",\"client_id\":\"c\",\"client_secret\":\"s\"}"
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] oversized() {
    return refresh().field("padding", "p".repeat(96 * 1024)).bytes();
  }
}
