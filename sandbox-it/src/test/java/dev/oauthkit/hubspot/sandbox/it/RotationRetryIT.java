package dev.oauthkit.hubspot.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp;
import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp.Answer;
import dev.oauthkit.hubspot.sandbox.testing.SandboxProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;

/**
 * Rotation mode, kill -9 under load, clients that retry: a rotation that committed but whose answer
 * was lost is retried with the token the client still holds, after the restart and within the reuse
 * grace, and gets the same successor instead of revoking the family.
 */
class RotationRetryIT {

  private static final String REDIRECT = "http://localhost:3000/oauth-callback";
  private static final int FAMILIES = 32;
  private static final int ENOUGH_ROTATIONS = 200;
  private static final long MAX_LOAD_MILLIS = 30_000;

  private final Path dir = Path.of(System.getProperty("sandbox.it.dir", "target/it"), "rotation");

  @Test
  void whenKilledUnderLoadThenEveryClientRetryingItsTokenKeepsItsFamily() throws Exception {
    Path data = dir.resolve("data-" + System.nanoTime());
    AtomicReferenceArray<String> held = new AtomicReferenceArray<>(FAMILIES);
    AtomicInteger rotations = new AtomicInteger();
    AtomicInteger cutOff = new AtomicInteger();
    String clientId;
    String secret;
    SandboxProcess sandbox =
        SandboxProcess.start(data, dir.resolve("first.log"), "--rotate-refresh-tokens");
    try {
      SandboxHttp http = sandbox.http();
      Answer app = http.createApp(REDIRECT);
      clientId = app.text("client_id");
      secret = app.text("client_secret");
      for (int f = 0; f < FAMILIES; f++) {
        String code = http.createCode(clientId, REDIRECT).text("code");
        held.set(f, http.exchange(clientId, secret, REDIRECT, code).text("refresh_token"));
      }

      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService pool = Executors.newFixedThreadPool(FAMILIES);
      for (int f = 0; f < FAMILIES; f++) {
        int family = f;
        pool.submit(
            () -> {
              while (!stop.get()) {
                try {
                  Answer answer = http.refresh(clientId, secret, held.get(family));
                  assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                  held.set(family, answer.text("refresh_token"));
                  rotations.incrementAndGet();
                } catch (RuntimeException e) {
                  cutOff.incrementAndGet();
                  return;
                }
              }
            });
      }
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_LOAD_MILLIS);
      while (rotations.get() < ENOUGH_ROTATIONS && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      sandbox.kill();
      stop.set(true);
      pool.shutdown();
      assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      sandbox.kill();
    }

    assertThat(rotations.get()).isGreaterThan(FAMILIES);
    assertThat(cutOff.get()).as("clients whose request the kill cut off").isPositive();
    try (SandboxProcess restarted =
        SandboxProcess.start(data, dir.resolve("second.log"), "--rotate-refresh-tokens")) {
      SandboxHttp http = restarted.http();
      List<Integer> revoked = new ArrayList<>();
      for (int f = 0; f < FAMILIES; f++) {
        Answer retry = http.refresh(clientId, secret, held.get(f));
        Answer next =
            retry.status() == 200
                ? http.refresh(clientId, secret, retry.text("refresh_token"))
                : retry;
        if (next.status() != 200) {
          revoked.add(f);
        }
      }
      assertThat(revoked).as("families revoked by a client's retry, of " + FAMILIES).isEmpty();
    }
  }
}
