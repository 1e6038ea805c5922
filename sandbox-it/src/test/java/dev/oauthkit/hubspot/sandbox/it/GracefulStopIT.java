package dev.oauthkit.hubspot.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.sandbox.testing.RawHttp;
import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp;
import dev.oauthkit.hubspot.sandbox.testing.SandboxProcess;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM with requests in flight: the sandbox stops accepting, answers every request it had
 * accepted (bodies still arriving included), closes its store, and what it answered survives.
 */
class GracefulStopIT {

  private static final String REDIRECT = "http://localhost:3000/oauth-callback";
  private static final int IN_FLIGHT = 20;

  private final Path dir = Path.of(System.getProperty("sandbox.it.dir", "target/it"), "sigterm");

  @Test
  void whenTerminatedWithRequestsInFlightThenEachIsAnsweredAndItsTokenSurvivesTheRestart()
      throws Exception {
    Path data = dir.resolve("data-" + System.nanoTime());
    List<String> answered = new ArrayList<>();
    List<Integer> statuses = new ArrayList<>();
    SandboxProcess sandbox = SandboxProcess.start(data, dir.resolve("first.log"));
    long stopMillis;
    int exit;
    try {
      SandboxHttp http = sandbox.http();
      SandboxHttp.Login login = http.login(REDIRECT);
      String clientId = login.clientId();
      String secret = login.secret();
      String refreshToken = login.refreshToken();
      byte[] body =
          ("grant_type=refresh_token&client_id="
                  + clientId
                  + "&client_secret="
                  + secret
                  + "&refresh_token="
                  + refreshToken)
              .getBytes(StandardCharsets.US_ASCII);
      String head =
          "POST /oauth/v1/token HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
              + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
              + body.length
              + "\r\n\r\n";
      List<Socket> sockets = new ArrayList<>();
      for (int i = 0; i < IN_FLIGHT; i++) {
        Socket socket = new Socket("127.0.0.1", sandbox.port());
        socket.setSoTimeout(15_000);
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, body.length / 2);
        out.flush();
        sockets.add(socket);
      }
      Thread.sleep(500);

      long sigterm = System.nanoTime();
      sandbox.terminate();
      Thread.sleep(500);
      for (Socket socket : sockets) {
        try (socket) {
          socket.getOutputStream().write(body, body.length / 2, body.length - body.length / 2);
          socket.getOutputStream().flush();
          RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
          statuses.add(answer.status());
          if (answer.status() == 200) {
            answered.add(field(answer.body(), "access_token"));
          }
        }
      }
      exit = sandbox.awaitExit(30);
      stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sigterm);
    } finally {
      sandbox.kill();
    }

    assertThat(statuses)
        .as("answers to the requests in flight")
        .hasSize(IN_FLIGHT)
        .containsOnly(200);
    assertThat(exit).as("exit status after SIGTERM").isNotEqualTo(-1);
    assertThat(stopMillis).as("time from SIGTERM to exit").isLessThan(10_000);
    assertThat(sandbox.logText()).doesNotContain("Exception");
    try (SandboxProcess restarted = SandboxProcess.start(data, dir.resolve("second.log"))) {
      for (String token : answered) {
        assertThat(restarted.http().get("/oauth/v1/access-tokens/" + token).status())
            .isEqualTo(200);
      }
    }
  }

  private static String field(String json, String name) {
    int start = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
    return json.substring(start, json.indexOf('"', start));
  }
}
