package dev.oauthkit.hubspot.sandbox.junit;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The sandbox's admin API and token endpoint over {@code java.net.http}, JSON through jackson-jr. A
 * status other than the expected one is an {@link IllegalStateException} naming the call and the
 * sandbox's message. Tokens are minted through the newest API version the sandbox serves ({@code
 * api_versions} of {@code GET /sandbox/v1/health}), asked once, at the first mint.
 */
final class AdminClient {

  private static final AtomicBoolean WARMED = new AtomicBoolean();

  private final String baseUrl;
  private final String adminKey;
  private volatile String tokenPath;

  /**
   * Builds the HTTP client and loads jackson-jr on a daemon thread, once per JVM, while the first
   * sandbox starts: their first use (the JDK's HTTP client reads its TLS defaults and starts a
   * selector; JSON links its readers) costs a few hundred milliseconds of class loading that would
   * otherwise come after the URL line, in the test's first admin call ({@code app()}).
   */
  static void warmUpInBackground() {
    if (WARMED.compareAndSet(false, true)) {
      Thread warmUp =
          new Thread(
              () -> {
                try {
                  Http.CLIENT.executor(); // builds it
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1/"))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString("{}"))
                      .build();
                  HttpResponse.BodyHandlers.ofString();
                  Jr.STD.mapFrom(Jr.STD.asString(Map.of("warm", List.of(1, "up"))));
                } catch (IOException | RuntimeException e) {
                  // only a warm-up: the first real call reports any problem
                }
              },
              "hubspot-sandbox-client-warm-up");
      warmUp.setDaemon(true);
      warmUp.start();
    }
  }

  AdminClient(String baseUrl, String adminKey) {
    this.baseUrl = baseUrl;
    this.adminKey = adminKey;
  }

  /** POSTs {@code body} as JSON (none if null) and returns the answer (an empty map for 204). */
  Map<String, Object> post(String path, Object body, int expected) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Authorization", "Bearer " + adminKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : write(body)));
    return send("POST " + path, request, expected);
  }

  /** POSTs a form to {@code /oauth/<newest version>/token}. */
  Map<String, Object> token(Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    String path = tokenPath();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    return send("POST " + path, request, 200);
  }

  /** {@code /oauth/<v>/token} for the last of the sandbox's {@code api_versions}. */
  String tokenPath() {
    String path = tokenPath;
    if (path == null) {
      Map<String, Object> health =
          send("GET /sandbox/v1/health", HttpRequest.newBuilder(health()).GET(), 200);
      if (!(health.get("api_versions") instanceof List<?> versions) || versions.isEmpty()) {
        throw new IllegalStateException(
            "GET /sandbox/v1/health lists no api_versions: the sandbox jar is older than this"
                + " extension");
      }
      path = "/oauth/" + encode(String.valueOf(versions.get(versions.size() - 1))) + "/token";
      tokenPath = path;
    }
    return path;
  }

  private URI health() {
    return URI.create(baseUrl + "/sandbox/v1/health");
  }

  private Map<String, Object> send(String call, HttpRequest.Builder request, int expected) {
    HttpResponse<String> response;
    try {
      response =
          Http.CLIENT.send(
              request.timeout(Duration.ofSeconds(30)).header("Accept", "application/json").build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(call + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(call + " was interrupted", e);
    }
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          call + " answered " + response.statusCode() + ": " + message(response.body()));
    }
    if (response.body().isEmpty()) {
      return Map.of();
    }
    try {
      return Jr.STD.mapFrom(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(call + " answered no JSON object", e);
    }
  }

  /** The Error body's message and field messages, never the request. */
  static String message(String body) {
    try {
      Map<String, Object> error = Jr.STD.mapFrom(body);
      StringBuilder out = new StringBuilder(String.valueOf(error.get("message")));
      if (error.get("errors") instanceof List<?> errors) {
        for (Object detail : errors) {
          if (detail instanceof Map<?, ?> map) {
            out.append("; ").append(map.get("message"));
          }
        }
      }
      return out.toString();
    } catch (IOException | RuntimeException e) {
      return "(no JSON Error body)";
    }
  }

  private static String write(Object body) {
    try {
      return Jr.STD.asString(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write the request as JSON", e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** jackson-jr, initialised on first use (by the warm-up thread, as a rule). */
  private static final class Jr {
    static final JSON STD = JSON.std;
  }

  /** One HTTP client for the admin calls to every sandbox of the JVM, built at first use. */
  private static final class Http {
    static final HttpClient CLIENT =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }
}
