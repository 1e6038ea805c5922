package dev.oauthkit.hubspot.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * An in-process JDK HTTP server on 127.0.0.1 that answers every GET under {@code
 * /oauth/v1/access-tokens/} with the same static access-token metadata JSON: the one local server
 * that both client facades and the raw OkHttp baseline call.
 */
final class StaticJsonServer implements AutoCloseable {

  /** Access-token metadata as HubSpot documents it (the spec's example). */
  static final String METADATA_JSON =
      "{\"token\":\"CKDZpunPLhICAQEYs-gDIIGOBii1hQIyGQAf3xBKEgsYjYMJVvlHEz9tFHAwSq1TQAM40s0D\","
          + "\"user\":\"user@example.com\",\"hub_domain\":\"demo.hubspot.com\","
          + "\"scopes\":[\"oauth\",\"crm.objects.contacts.read\"],\"hub_id\":62515,"
          + "\"app_id\":456789,\"expires_in\":1754,\"user_id\":123456,\"token_type\":\"access\"}";

  /** The token the benchmarks ask about (its value does not matter to this server). */
  static final String TOKEN =
      "CKDZpunPLhICAQEYs-gDIIGOBii1hQIyGQAf3xBKEgsYjYMJVvlHEz9tFHAwSq1TQAM40s0D";

  private static final byte[] BODY = METADATA_JSON.getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;

  private StaticJsonServer(HttpServer server) {
    this.server = server;
  }

  /** Starts the server on a free port. */
  static StaticJsonServer start() throws IOException {
    // Without it the JDK server's separate header and body writes meet delayed ACKs (~40 ms).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/oauth/v1/access-tokens/",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
          }
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, BODY.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(BODY);
          }
        });
    // Handlers run on the server's own dispatcher thread: no hand-off per call (one caller).
    server.setExecutor(null);
    server.start();
    return new StaticJsonServer(server);
  }

  /** The base URL, e.g. {@code http://127.0.0.1:40123}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
