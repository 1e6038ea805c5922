package dev.oauthkit.hubspot.contract.server;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** Sends raw requests to the server under test; never follows redirects, never retries. */
public final class HttpProbe {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final String baseUrl;
  private final HttpClient client;

  private HttpProbe(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /**
   * A probe for the server at this base URL, e.g. {@code http://127.0.0.1:8080}.
   *
   * @throws IllegalArgumentException unless it is an http or https URL with a host and, if it names
   *     one, a port in 1..65535
   */
  public static HttpProbe of(String baseUrl) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    if (!isHttpUrl(baseUrl)) {
      throw new IllegalArgumentException(
          "baseUrl must be an http or https URL with a host and a port in 1..65535: " + baseUrl);
    }
    return new HttpProbe(baseUrl);
  }

  /**
   * Whether this is an http or https URL with a host and, if it names one, a port in 1..65535: the
   * base URLs {@link #of} accepts.
   */
  public static boolean isHttpUrl(String baseUrl) {
    URI uri;
    try {
      uri = new URI(baseUrl);
    } catch (URISyntaxException e) {
      return false;
    }
    String scheme = uri.getScheme();
    return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
        && uri.getHost() != null
        && (uri.getPort() == -1 || (uri.getPort() >= 1 && uri.getPort() <= 65535));
  }

  /** The base URL without a trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }

  /**
   * Sends one request.
   *
   * @param method the HTTP method
   * @param rawPath the path and query, already percent-encoded as it should go on the wire
   * @param contentType the request Content-Type, or {@code null} for none
   * @param body the body bytes, or {@code null} for none
   * @param headers extra headers
   * @param description a secret-free description for reports
   */
  public Exchange send(
      String method,
      String rawPath,
      String contentType,
      byte[] body,
      Map<String, String> headers,
      String description) {
    HttpRequest.Builder builder;
    try {
      builder = HttpRequest.newBuilder(URI.create(baseUrl + rawPath)).timeout(TIMEOUT);
    } catch (IllegalArgumentException e) {
      // java.net.URI refuses malformed escapes; send those over a plain socket.
      return RawHttp.send(URI.create(baseUrl), method, rawPath, contentType, body, description);
    }
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body);
    builder.method(method, publisher);
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    headers.forEach(builder::header);
    try {
      HttpResponse<byte[]> response =
          client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Exchange(
          description,
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          new String(response.body(), StandardCharsets.UTF_8),
          null,
          response.headers().map());
    } catch (IOException e) {
      return new Exchange(description, -1, null, "", e.getClass().getSimpleName() + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Exchange(description, -1, null, "", "interrupted");
    }
  }
}
