package dev.oauthkit.hubspot.contract.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests that {@link java.net.URI} refuses go over a socket ({@link RawHttp}), against a one-shot
 * server that records what arrived.
 */
class RawHttpTest {

  private static final String MALFORMED = "/oauth/v1/access-tokens/%zz";
  private static final String ANSWER =
      "HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";

  @Test
  void whenBaseUrlHasAPathThenTheRawRequestLineStartsWithIt() throws Exception {
    try (OneShotServer server = OneShotServer.answering(ANSWER)) {
      Exchange exchange =
          HttpProbe.of("http://127.0.0.1:" + server.port() + "/hubspot/")
              .send("GET", MALFORMED, null, null, Map.of(), "test");

      assertThat(server.received()).startsWith("GET /hubspot" + MALFORMED + " HTTP/1.1\r\n");
      assertThat(exchange.status()).isEqualTo(401);
      assertThat(exchange.body()).isEqualTo("{}");
    }
  }

  @Test
  void whenBaseUrlHasNoPathThenTheRawRequestLineIsThePathAlone() throws Exception {
    try (OneShotServer server = OneShotServer.answering(ANSWER)) {
      HttpProbe.of("http://127.0.0.1:" + server.port())
          .send("GET", MALFORMED, null, null, Map.of(), "test");

      assertThat(server.received()).startsWith("GET " + MALFORMED + " HTTP/1.1\r\n");
    }
  }

  @Test
  void whenBaseUrlIsHttpsThenTheRawRequestStartsATlsHandshake() throws Exception {
    try (OneShotServer server = OneShotServer.answering("")) {
      Exchange exchange =
          HttpProbe.of("https://127.0.0.1:" + server.port())
              .send("GET", MALFORMED, null, null, Map.of(), "test");

      // A TLS record of type handshake (22) carrying the ClientHello, not a plain request line.
      assertThat(server.received()).startsWith("\u0016\u0003");
      assertThat(exchange.answered()).isFalse();
      assertThat(exchange.failure()).doesNotContain("need an http base URL");
    }
  }

  @Test
  void whenHttpsServerIsUnreachableThenTheFailureIsTheConnectionNotTheScheme() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    Exchange exchange =
        HttpProbe.of("https://127.0.0.1:" + closedPort)
            .send("GET", MALFORMED, null, null, Map.of(), "test");

    assertThat(exchange.answered()).isFalse();
    assertThat(exchange.failure()).startsWith("ConnectException").doesNotContain("http base URL");
  }

  @Test
  void whenTheAnswerIsChunkedThenTheBodyIsJoined() throws Exception {
    try (OneShotServer server =
        OneShotServer.answering(
            "HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n1\r\n{\r\n1;x=y\r\n}\r\n0\r\n\r\n")) {
      Exchange exchange =
          HttpProbe.of("http://127.0.0.1:" + server.port())
              .send("GET", MALFORMED, null, null, Map.of(), "test");

      assertThat(exchange.status()).isEqualTo(401);
      assertThat(exchange.contentType()).isEqualTo("application/json");
      assertThat(exchange.body()).isEqualTo("{}");
    }
  }

  @Test
  void whenTheAnswerHasHeadersThenTheExchangeKeepsThemByNameIgnoringCase() throws Exception {
    try (OneShotServer server =
        OneShotServer.answering(
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
                + "retry-after: 1\r\nX-Twice: a\r\nx-twice: b\r\nContent-Length: 2\r\n\r\n{}")) {
      Exchange exchange =
          HttpProbe.of("http://127.0.0.1:" + server.port())
              .send("GET", MALFORMED, null, null, Map.of(), "test");

      assertThat(exchange.status()).isEqualTo(503);
      assertThat(exchange.header("Retry-After")).contains("1");
      assertThat(exchange.headers().get("X-TWICE")).containsExactly("a", "b");
      assertThat(exchange.header("Absent")).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "HTTP/1.1\r\n\r\n",
        "HTTP/1.1 abc\r\n\r\n",
        "HTTP/1.1 -401 Unauthorized\r\n\r\n",
        "HTTP/1.1 401\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
        "HTTP/1.1 401\r\nTransfer-Encoding: chunked\r\n\r\n-2\r\n{}\r\n0\r\n\r\n"
      })
  void whenTheAnswerIsMalformedThenTheExchangeFailsWithoutThrowing(String answer) throws Exception {
    try (OneShotServer server = OneShotServer.answering(answer)) {
      Exchange exchange =
          HttpProbe.of("http://127.0.0.1:" + server.port())
              .send("GET", MALFORMED, null, null, Map.of(), "test");

      assertThat(exchange.answered()).isFalse();
      assertThat(exchange.failure()).startsWith("not an HTTP response");
    }
  }

  /** Accepts one connection, reads the request head (or what came), answers and closes. */
  private static final class OneShotServer implements AutoCloseable {

    private final ServerSocket socket;
    private final CompletableFuture<String> received;

    private OneShotServer(ServerSocket socket, String answer) {
      this.socket = socket;
      this.received =
          CompletableFuture.supplyAsync(
              () -> serve(answer),
              task -> {
                Thread thread = new Thread(task, "one-shot-server");
                thread.setDaemon(true);
                thread.start();
              });
    }

    static OneShotServer answering(String answer) throws IOException {
      return new OneShotServer(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()), answer);
    }

    int port() {
      return socket.getLocalPort();
    }

    /** What arrived, as ISO-8859-1 text: up to the end of the request head. */
    String received() throws Exception {
      return received.get(10, TimeUnit.SECONDS);
    }

    private String serve(String answer) {
      try (Socket client = socket.accept()) {
        client.setSoTimeout(10_000);
        String head = readHead(client.getInputStream());
        client.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
        client.getOutputStream().flush();
        return head;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Reads until a blank line, or (a TLS ClientHello has none) the first record's header. */
    private static String readHead(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int c;
      while ((c = in.read()) >= 0) {
        head.write(c);
        String text = head.toString(StandardCharsets.ISO_8859_1);
        if (text.endsWith("\r\n\r\n") || (text.startsWith("\u0016") && text.length() == 5)) {
          break;
        }
      }
      return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
