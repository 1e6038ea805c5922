package dev.oauthkit.hubspot.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp;
import dev.oauthkit.hubspot.sandbox.testing.SandboxProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * 200 clients that send a request body one byte every 2 s and 200 that announce a body and never
 * send it hold no request thread: meanwhile ordinary requests are answered at their usual speed,
 * and every slow or stalled connection ends with the documented 408 within 10 s.
 */
@Isolated("times the body deadline against hundreds of connections")
class SlowClientsIT {

  private static final int SLOW = 200;
  private static final int STALLED = 200;
  private static final String REDIRECT = "http://localhost:3000/cb";

  private final Path dir = Path.of(System.getProperty("sandbox.it.dir", "target/it"), "slow");

  @Test
  void whenHundredsOfSlowBodiesArriveThenOthersAreServedAndTheSlowOnesGet408() throws Exception {
    try (SandboxProcess sandbox =
            SandboxProcess.start(
                dir.resolve("data-" + System.nanoTime()), dir.resolve("sandbox.log"));
        Selector selector = Selector.open()) {
      SandboxHttp http = sandbox.http();
      SandboxHttp.Login login = http.login(REDIRECT);
      String clientId = login.clientId();
      String secret = login.secret();
      String access = login.accessToken();
      String refresh = login.refreshToken();
      normalRequests(http, clientId, secret, access, refresh, 300); // warm-up

      Map<SocketChannel, Long> opened = new HashMap<>();
      List<SocketChannel> slow = new ArrayList<>();
      for (int i = 0; i < SLOW + STALLED; i++) {
        SocketChannel channel =
            SocketChannel.open(new InetSocketAddress("127.0.0.1", sandbox.port()));
        boolean isSlow = i < SLOW;
        String head =
            isSlow
                ? "POST /oauth/v1/token HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\n"
                : "GET /oauth/v1/access-tokens/"
                    + access
                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 50\r\n\r\n";
        channel.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
        channel.configureBlocking(false);
        channel.register(selector, SelectionKey.OP_READ);
        opened.put(channel, System.nanoTime());
        if (isSlow) {
          slow.add(channel);
        }
      }

      ExecutorService normal = Executors.newSingleThreadExecutor();
      Future<List<Long>> latencies =
          normal.submit(() -> normalRequests(http, clientId, secret, access, refresh, 400));
      Map<SocketChannel, Result> results = awaitAnswers(selector, opened, slow);
      List<Long> millis = latencies.get();
      normal.shutdown();

      long slowest = results.values().stream().mapToLong(Result::millis).max().orElse(-1);
      java.nio.file.Files.writeString(
          dir.resolve("figures.txt"),
          "ordinary requests p99 "
              + p99(millis)
              + " ms, max "
              + java.util.Collections.max(millis)
              + " ms; slowest 408 after "
              + slowest
              + " ms\n");
      assertThat(results).hasSize(SLOW + STALLED);
      assertThat(results.values()).allSatisfy(r -> assertThat(r.status()).isEqualTo(408));
      assertThat(results.values()).allSatisfy(r -> assertThat(r.millis()).isLessThan(10_500));
      assertThat(p99(millis)).as("p99 of ordinary requests, ms").isLessThan(100);
      assertThat(sandbox.logText()).contains(" 408 ");
    }
  }

  /** Ordinary refresh grants and metadata reads; their latencies in ms. */
  private static List<Long> normalRequests(
      SandboxHttp http, String clientId, String secret, String access, String refresh, int n) {
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      int status =
          i % 2 == 0
              ? http.refresh(clientId, secret, refresh).status()
              : http.get("/oauth/v1/access-tokens/" + access).status();
      millis.add((System.nanoTime() - start) / 1_000_000);
      assertThat(status).isEqualTo(200);
    }
    return millis;
  }

  /** Dribbles a byte every 2 s into each slow body and waits (at most 15 s) for every answer. */
  private static Map<SocketChannel, Result> awaitAnswers(
      Selector selector, Map<SocketChannel, Long> opened, List<SocketChannel> slow)
      throws IOException {
    Map<SocketChannel, Result> results = new HashMap<>();
    long end = System.nanoTime() + 15_000_000_000L;
    long nextByte = System.nanoTime();
    ByteBuffer buffer = ByteBuffer.allocate(4096);
    while (results.size() < opened.size() && System.nanoTime() < end) {
      if (System.nanoTime() >= nextByte) {
        for (SocketChannel channel : slow) {
          if (!results.containsKey(channel)) {
            try {
              channel.write(ByteBuffer.wrap(new byte[] {'a'}));
            } catch (IOException closed) {
              // the server answered and closed; the answer is read below
            }
          }
        }
        nextByte += 2_000_000_000L;
      }
      selector.select(100);
      for (SelectionKey key : selector.selectedKeys()) {
        SocketChannel channel = (SocketChannel) key.channel();
        buffer.clear();
        int n;
        try {
          n = channel.read(buffer);
        } catch (IOException e) {
          n = -1;
        }
        if (!results.containsKey(channel)) {
          long millis = (System.nanoTime() - opened.get(channel)) / 1_000_000;
          String text = new String(buffer.array(), 0, Math.max(n, 0), StandardCharsets.US_ASCII);
          int status = text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
          results.put(channel, new Result(status, millis));
        }
        key.cancel();
        channel.close();
      }
      selector.selectedKeys().clear();
    }
    return results;
  }

  private static long p99(List<Long> millis) {
    List<Long> sorted = millis.stream().sorted().toList();
    return sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
  }

  private record Result(int status, long millis) {}
}
