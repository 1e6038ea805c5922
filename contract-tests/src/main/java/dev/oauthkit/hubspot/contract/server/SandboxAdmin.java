package dev.oauthkit.hubspot.contract.server;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox admin API ({@code sandbox-admin-v1.yaml}), used to set up good flows: an app and
 * authorization codes, without a browser.
 */
final class SandboxAdmin {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final HttpProbe probe;
  private final String adminKey;

  SandboxAdmin(HttpProbe probe, String adminKey) {
    this.probe = probe;
    this.adminKey = adminKey;
  }

  /** A registered app: its client id and secret and its two redirect URIs. */
  record App(String clientId, String clientSecret, String redirectUri, String otherRedirectUri) {
    @Override
    public String toString() {
      return "App[clientId=" + clientId + ", clientSecret=***]";
    }
  }

  App createApp(String name) {
    return createApp(name, List.of("oauth", "crm.objects.contacts.read"), false);
  }

  /** An app registered for the date versions' client_credentials grant, with these scopes. */
  App createClientCredentialsApp(String name, List<String> scopes) {
    return createApp(name, scopes, true);
  }

  private App createApp(String name, List<String> scopes, boolean clientCredentials) {
    String redirectUri = "https://contract.example.com/callback";
    String otherRedirectUri = "https://contract.example.com/other-callback";
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("name", name);
    body.put("redirect_uris", List.of(redirectUri, otherRedirectUri));
    body.put("scopes", scopes);
    body.put("optional_scopes", List.of("automation"));
    if (clientCredentials) {
      body.put("client_credentials", true);
    }
    JsonNode app = post("/sandbox/v1/apps", body);
    return new App(
        app.path("client_id").asString(),
        app.path("client_secret").asString(),
        redirectUri,
        otherRedirectUri);
  }

  /** Makes the next request to the operation fail with this status. */
  void armFault(String operationId, int status) {
    post("/sandbox/v1/faults", Map.of("operation_id", operationId, "status", status, "count", 1));
  }

  String createCode(App app) {
    return createCode(app, null);
  }

  /**
   * A code for the app; with a PKCE S256 {@code codeChallenge} (or {@code null} for none) the
   * exchange must send the matching {@code code_verifier}.
   */
  String createCode(App app, String codeChallenge) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("client_id", app.clientId());
    body.put("redirect_uri", app.redirectUri());
    body.put("scopes", List.of("oauth", "crm.objects.contacts.read"));
    body.put("hub_id", 62515);
    body.put("user_id", 123456);
    body.put("user", "contract@example.com");
    if (codeChallenge != null) {
      body.put("code_challenge", codeChallenge);
    }
    return post("/sandbox/v1/authorization-codes", body).path("code").asString();
  }

  private JsonNode post(String path, Map<String, Object> body) {
    Exchange exchange =
        probe.send(
            "POST",
            path,
            "application/json",
            JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8),
            Map.of("Authorization", "Bearer " + adminKey),
            "POST " + path);
    if (exchange.status() != 201) {
      throw new IllegalStateException(
          "admin API "
              + path
              + " answered "
              + exchange.status()
              + (exchange.failure() == null ? "" : " (" + exchange.failure() + ")")
              + ": check --admin-key and that the server is a HubSpot OAuth sandbox");
    }
    return JSON.readTree(exchange.body());
  }
}
