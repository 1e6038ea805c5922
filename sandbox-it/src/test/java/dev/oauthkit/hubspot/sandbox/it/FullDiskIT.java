package dev.oauthkit.hubspot.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oauthkit.hubspot.sandbox.testing.ExchangeLoad;
import dev.oauthkit.hubspot.sandbox.testing.ExchangeLoad.Call;
import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp;
import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp.Answer;
import dev.oauthkit.hubspot.sandbox.testing.SandboxProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SQLite on a full disk, under load: the data directory is a small tmpfs the test mounts (so it
 * needs root; it is skipped otherwise) and fills with a file. While it is full, writes answer 503
 * with {@code Retry-After} within 2.5 s and health 503, reads keep working; once the file is
 * deleted, writes succeed again within 5 s without a restart, and every token answered 200 is
 * valid.
 */
class FullDiskIT {

  private static final String REDIRECT = "http://localhost:3000/oauth-callback";
  private static final long FAULT_MILLIS = 3_000;

  private final Path dir = Path.of(System.getProperty("sandbox.it.dir", "target/it"), "full-disk");

  @Test
  void whenTheDiskFillsUnderLoadThenWritesAnswer503AndRecoverWithoutARestart() throws Exception {
    Path mount = dir.resolve("fs-" + System.nanoTime()).toAbsolutePath();
    Files.createDirectories(mount);
    assumeTrue(
        run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mount.toString()),
        "FullDiskIT needs root and mount (tmpfs with size=) to fill a file system; skipped");
    Path filler = mount.resolve("filler");
    try (SandboxProcess sandbox =
        SandboxProcess.start(mount.resolve("data"), dir.resolve("sandbox.log"))) {
      SandboxHttp http = sandbox.http();
      SandboxHttp.Login login = http.login(REDIRECT);
      String clientId = login.clientId();
      String secret = login.secret();
      String refresh = login.refreshToken();

      try (ExchangeLoad load = ExchangeLoad.start(http, 8)) {
        Thread.sleep(1_000);
        fill(filler);
        long firstFailure = waitFor(load, 503, System.nanoTime(), 10_000);
        assertThat(firstFailure)
            .as("a write answered 503 within 10 s of the disk filling")
            .isPositive();
        Thread.sleep(FAULT_MILLIS);
        Answer health = http.get("/sandbox/v1/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.text("store")).isEqualTo("DOWN");
        assertThat(health.text("live")).isEqualTo("true");
        assertThat(http.refresh(clientId, secret, refresh).status()).isEqualTo(200);
        assertThat(http.get("/oauth/v1/refresh-tokens/" + refresh).status()).isEqualTo(200);
        long cleared = System.nanoTime();
        List<Call> during = load.callsBetween(firstFailure, cleared);

        Files.delete(filler);
        long recovered = waitFor(load, 200, cleared, 10_000);
        load.stop();

        assertThat(during).extracting(Call::status).isSubsetOf(200, 201, 503).contains(503);
        assertThat(during.stream().filter(c -> c.status() == 503))
            .allSatisfy(
                c -> {
                  assertThat(c.retryAfter()).isEqualTo("1");
                  assertThat(c.millis()).isLessThanOrEqualTo(2_500);
                });
        assertThat(recovered).as("a write succeeded after the fault cleared").isPositive();
        long recoveryMillis = TimeUnit.NANOSECONDS.toMillis(recovered - cleared);
        System.out.printf(
            "FullDiskIT: writes recovered %d ms after the fault cleared%n", recoveryMillis);
        assertThat(recoveryMillis).isLessThan(5_000);
        assertThat(load.calls()).extracting(Call::status).doesNotContain(500, -1);
        assertThat(http.get("/sandbox/v1/health").status()).isEqualTo(200);

        List<String> lost = new ArrayList<>();
        for (String token : load.acknowledged()) {
          if (http.get("/oauth/v1/access-tokens/" + token).status() != 200) {
            lost.add(token.substring(0, 6));
          }
        }
        assertThat(lost).as("of " + load.acknowledged().size() + " acknowledged").isEmpty();
      }
      String log = sandbox.logText();
      assertThat(log).contains("sqlite store unavailable").doesNotContain("\tat ", " ERROR ");
    } finally {
      Files.deleteIfExists(filler);
      run("umount", "-l", mount.toString());
    }
  }

  /** Writes zeros into {@code filler} until the file system is full. */
  private static void fill(Path filler) throws IOException {
    byte[] block = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
      }
    } catch (IOException full) {
      // no space left: the point
    }
  }

  /** When the first call answered {@code status} after {@code fromNanos}, or -1 on timeout. */
  private static long waitFor(ExchangeLoad load, int status, long fromNanos, long timeoutMillis)
      throws InterruptedException {
    long deadline = fromNanos + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (System.nanoTime() - deadline < 0) {
      for (Call call : load.callsBetween(fromNanos, System.nanoTime())) {
        if (call.status() == status) {
          return call.startedNanos();
        }
      }
      Thread.sleep(20);
    }
    return -1;
  }

  private static boolean run(String... command) throws InterruptedException {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
