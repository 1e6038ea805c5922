package dev.oauthkit.hubspot.sandbox.junit;

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
import java.util.stream.Collectors;

/**
 * The sandbox's admin API and token endpoint over {@code java.net.http}. A status other than the
 * expected one is an {@link IllegalStateException} naming the call and the sandbox's message.
 */
final class AdminClient {

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .version(HttpClient.Version.HTTP_1_1)
          .build();
  private final String baseUrl;
  private final String adminKey;

  AdminClient(String baseUrl, String adminKey) {
    this.baseUrl = baseUrl;
    this.adminKey = adminKey;
  }

  /** POSTs JSON to an admin path and returns the parsed answer (an empty map for 204). */
  Map<String, Object> post(String path, String json, int expected) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Authorization", "Bearer " + adminKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    return send("POST " + path, request, expected);
  }

  /** POSTs a form to {@code /oauth/v1/token}. */
  Map<String, Object> token(Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/oauth/v1/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    return send("POST /oauth/v1/token", request, 200);
  }

  private Map<String, Object> send(String call, HttpRequest.Builder request, int expected) {
    HttpResponse<String> response;
    try {
      response =
          http.send(
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
    return response.body().isEmpty() ? Map.of() : Json.object(response.body());
  }

  /** The Error body's message and field messages, never the request. */
  private static String message(String body) {
    try {
      Map<String, Object> error = Json.object(body);
      StringBuilder out = new StringBuilder(String.valueOf(error.get("message")));
      if (error.get("errors") instanceof List<?> errors) {
        for (Object detail : errors) {
          if (detail instanceof Map<?, ?> map) {
            out.append("; ").append(map.get("message"));
          }
        }
      }
      return out.toString();
    } catch (IllegalArgumentException e) {
      return "(no JSON Error body)";
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
