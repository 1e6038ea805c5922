package dev.oauthkit.hubspot.sandbox.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for a running sandbox on 127.0.0.1, built on java.net.http. */
public final class SandboxHttp {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient client;
  private final String base;
  private final String adminKey;

  private SandboxHttp(int port, String adminKey) {
    this.client =
        HttpClient.newBuilder()
            // keeps the consent page's cookie, as a browser does
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.base = "http://127.0.0.1:" + port;
    this.adminKey = adminKey;
  }

  public static SandboxHttp on(int port, String adminKey) {
    return new SandboxHttp(port, adminKey);
  }

  /**
   * One HTTP answer.
   *
   * @param status the status code
   * @param body the body text
   * @param response the full response, for headers
   */
  public record Answer(int status, String body, HttpResponse<String> response) {
    public JsonNode json() {
      return JSON.readTree(body);
    }

    public String text(String field) {
      return json().path(field).asString();
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }
  }

  public Answer createApp(String redirectUri) {
    return adminPost(
        "/sandbox/v1/apps",
        "{\"name\":\"IT app\",\"redirect_uris\":[\""
            + redirectUri
            + "\"],\"scopes\":[\"oauth\",\"crm.objects.contacts.read\"],\"optional_scopes\":[\"automation\"]}");
  }

  public Answer createCode(String clientId, String redirectUri) {
    return adminPost(
        "/sandbox/v1/authorization-codes",
        "{\"client_id\":\""
            + clientId
            + "\",\"redirect_uri\":\""
            + redirectUri
            + "\",\"hub_id\":62515,\"user_id\":123456,\"user\":\"user@example.com\"}");
  }

  public Answer adminPost(String path, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + adminKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** POSTs a form to the token endpoint. */
  public Answer token(Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return tokenRaw("application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
  }

  /** A form POST to any path, e.g. {@code /oauth/2026-03/token/introspect}. */
  public Answer form(String path, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Answer tokenRaw(String contentType, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/oauth/v1/token"));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public Answer exchange(String clientId, String secret, String redirectUri, String code) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("client_id", clientId);
    form.put("client_secret", secret);
    form.put("redirect_uri", redirectUri);
    form.put("code", code);
    return token(form);
  }

  /**
   * A signed-in app: its client id and secret, and the token answer of its first code exchange.
   *
   * @param clientId the app's client id
   * @param secret its client secret
   * @param tokens the answer of {@code grant_type=authorization_code}
   */
  public record Login(String clientId, String secret, Answer tokens) {
    public String accessToken() {
      return tokens.text("access_token");
    }

    public String refreshToken() {
      return tokens.text("refresh_token");
    }
  }

  /** Creates an app, a code for it and exchanges the code: what most tests start from. */
  public Login login(String redirectUri) {
    Answer app = createApp(redirectUri);
    String clientId = app.text("client_id");
    String secret = app.text("client_secret");
    String code = createCode(clientId, redirectUri).text("code");
    return new Login(clientId, secret, exchange(clientId, secret, redirectUri, code));
  }

  public Answer refresh(String clientId, String secret, String refreshToken) {
    return token(
        Map.of(
            "grant_type", "refresh_token",
            "client_id", clientId,
            "client_secret", secret,
            "refresh_token", refreshToken));
  }

  public Answer get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  public Answer delete(String path) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE());
  }

  public Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public URI uri(String path) {
    return URI.create(base + path);
  }

  /** The consent page's CSRF token (the hidden {@code csrf_token} field), or null. */
  public static String csrfToken(Answer page) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"")
            .matcher(page.body());
    return m.find() ? m.group(1) : null;
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
