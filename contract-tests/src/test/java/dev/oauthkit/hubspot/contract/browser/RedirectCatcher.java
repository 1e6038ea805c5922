package dev.oauthkit.hubspot.contract.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The app's side of the redirect: a JDK HTTP server on 127.0.0.1 that records every request to
 * {@link #redirectUri()} and answers with a small page ({@code <h1 id="callback">}).
 */
final class RedirectCatcher implements AutoCloseable {

  private static final String PATH = "/callback";

  private final HttpServer server;
  private final BlockingQueue<URI> received = new LinkedBlockingQueue<>();

  private RedirectCatcher(HttpServer server) {
    this.server = server;
  }

  /** Starts on a free port. */
  static RedirectCatcher start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    RedirectCatcher catcher = new RedirectCatcher(server);
    server.createContext("/", catcher::handle);
    server.start();
    return catcher;
  }

  /** The redirect URI to register for the app. */
  String redirectUri() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
  }

  /** Another address on this server, never registered for any app. */
  String unregisteredUri() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/not-registered";
  }

  /**
   * Serves a page of another site at {@code path} on this server (another origin than the
   * sandbox's); requests to it are not recorded as redirects. Returns its URL.
   */
  String servePage(String path, String html) {
    byte[] page = html.getBytes(StandardCharsets.UTF_8);
    server.createContext(
        path,
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
          }
        });
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The next request received, waiting at most {@code limit}; null if none came. */
  URI next(Duration limit) throws InterruptedException {
    return received.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** How many requests arrived and were not yet taken. */
  int pending() {
    return received.size();
  }

  /** The decoded query parameters of a request (each name once). */
  static Map<String, String> query(URI request) {
    Map<String, String> params = new LinkedHashMap<>();
    String raw = request.getRawQuery();
    if (raw == null) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(decode(name), decode(value));
    }
    return params;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestURI().getPath().equals("/favicon.ico")) {
      received.add(exchange.getRequestURI()); // a browser's own icon fetch is no redirect
    }
    byte[] page =
        "<!doctype html><html lang=\"en\"><head><title>App callback</title></head><body><h1"
            .concat(" id=\"callback\">Callback received</h1></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(200, page.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(page);
    }
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
