package dev.oauthkit.hubspot.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.sandbox.testing.RawHttp;
import dev.oauthkit.hubspot.sandbox.testing.SandboxProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Client mistakes at the HTTP level, sent to the built jar over a plain socket: each gets the
 * documented 4xx (or 501) with the JSON Error body and its correlation id, and one log line with
 * the status actually sent. None is a 500.
 */
class MalformedRequestsIT {

  private final Path dir = Path.of(System.getProperty("sandbox.it.dir", "target/it"), "malformed");

  @Test
  void whenEachMalformedRequestArrivesThenItGetsA4xxJsonErrorAndALogLine() throws Exception {
    Map<String, Expected> cases = new LinkedHashMap<>();
    cases.put(
        "9 KB header", new Expected(431, get("/oauth/v1/token", "X-Big: " + "a".repeat(9000))));
    cases.put(
        "9 KB URL", new Expected(414, get("/oauth/v1/access-tokens/" + "a".repeat(9000), "")));
    cases.put(
        "100 KB token in the path",
        new Expected(414, get("/oauth/v1/access-tokens/" + "t".repeat(100_000), "")));
    cases.put("bad request line", new Expected(400, bytes("GARBAGE\r\n\r\n")));
    cases.put(
        "unknown HTTP version",
        new Expected(400, bytes("GET /oauth/v1/token HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n")));
    cases.put(
        "CONNECT",
        new Expected(
            501, bytes("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n")));
    cases.put(
        "control character in a header",
        new Expected(400, get("/oauth/v1/token", "X-A: a\u0001b")));
    cases.put(
        "bad chunking",
        new Expected(
            400,
            bytes(
                "POST /oauth/v1/token HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\nZZ\r\nabc\r\n0\r\n\r\n")));
    cases.put(
        "OPTIONS",
        new Expected(405, bytes("OPTIONS /oauth/v1/token HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")));
    cases.put(
        "unknown method",
        new Expected(405, bytes("FOO /oauth/v1/token HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")));

    try (SandboxProcess sandbox =
        SandboxProcess.start(
            dir.resolve("data-" + System.nanoTime()), dir.resolve("sandbox.log"))) {
      Map<String, RawHttp.Answer> answers = new LinkedHashMap<>();
      cases.forEach((name, c) -> answers.put(name, RawHttp.send(sandbox.port(), c.request())));

      String log = awaitLogLines(sandbox, answers.values());
      cases.forEach(
          (name, c) -> {
            RawHttp.Answer answer = answers.get(name);
            assertThat(answer.status()).as(name).isEqualTo(c.status());
            assertThat(answer.header("Content-Type")).as(name).startsWith("application/json");
            String correlationId = answer.header("X-HubSpot-Correlation-Id");
            assertThat(correlationId).as(name).isNotBlank();
            assertThat(answer.body())
                .as(name)
                .contains("\"correlationId\":\"" + correlationId + "\"", "\"category\":");
            assertThat(log)
                .as(name + ": one log line with the status sent")
                .containsPattern(" " + c.status() + " \\d+ms cid=" + correlationId);
          });
      assertThat(log).doesNotContain(" 500 ", "Exception");
    }
  }

  /**
   * The log once it holds a line for each answer's correlation id (the request log is written by a
   * background thread), or as it is after 10 s.
   */
  private static String awaitLogLines(SandboxProcess sandbox, Collection<RawHttp.Answer> answers)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      String log = sandbox.logText();
      boolean complete =
          answers.stream()
              .allMatch(a -> log.contains("cid=" + a.header("X-HubSpot-Correlation-Id")));
      if (complete || System.nanoTime() - deadline > 0) {
        return log;
      }
      Thread.sleep(20);
    }
  }

  private static byte[] get(String path, String header) {
    return bytes(
        "GET "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + (header.isEmpty() ? "" : header + "\r\n")
            + "\r\n");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private record Expected(int status, byte[] request) {}
}
