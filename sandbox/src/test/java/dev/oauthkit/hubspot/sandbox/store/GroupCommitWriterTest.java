package dev.oauthkit.hubspot.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write answered 503 because the writer was stuck never runs later (a retry after the 503 finds
 * nothing of it), while a write the writer had begun is still waited for and answered.
 */
class GroupCommitWriterTest {

  @TempDir Path temp;

  @Test
  void whenACallerGaveUpOnAStuckWriterThenItsWorkNeverRunsAndTheBegunWorkIsStillAnswered()
      throws Exception {
    String url = "jdbc:sqlite:" + temp.resolve("writer.db");
    GroupCommitWriter writer = GroupCommitWriter.start(() -> SqlSession.open(url), health());
    CountDownLatch stuck = new CountDownLatch(1);
    CountDownLatch begun = new CountDownLatch(1);
    AtomicBoolean lateWorkRan = new AtomicBoolean();
    try {
      CompletableFuture<String> first =
          CompletableFuture.supplyAsync(
              () ->
                  writer.submit(
                      session -> {
                        begun.countDown();
                        await(stuck); // the writer is stuck in this batch
                        return "first committed";
                      }));
      assertThat(begun.await(10, TimeUnit.SECONDS)).isTrue();

      StoreException outage =
          catchThrowableOfType(
              StoreException.class,
              () ->
                  writer.submit(
                      session -> {
                        lateWorkRan.set(true);
                        return null;
                      }));
      stuck.countDown();

      assertThat(outage).isNotNull();
      assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first committed");
      writer.probe(); // one more batch through the writer: the dropped work would have run by now
      assertThat(lateWorkRan).isFalse();
    } finally {
      stuck.countDown();
      writer.close();
    }
  }

  private static StoreHealth health() {
    return StoreHealth.of("sqlite");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
