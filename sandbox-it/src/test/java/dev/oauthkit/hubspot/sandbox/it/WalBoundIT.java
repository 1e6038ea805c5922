package dev.oauthkit.hubspot.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.sandbox.testing.ExchangeLoad;
import dev.oauthkit.hubspot.sandbox.testing.SandboxProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Sustained writes (12 threads of code exchanges) never let SQLite's WAL outgrow 64 MB plus four
 * times the database: prints the peak. Runs {@code -Dwal.it.seconds} seconds (5 by default; the
 * issue's figure is 40).
 */
class WalBoundIT {

  private static final long MB = 1024 * 1024;
  private static final int THREADS = 12;

  private final Path dir = Path.of(System.getProperty("sandbox.it.dir", "target/it"), "wal-bound");

  @Test
  void whenWritesAreSustainedThenTheWalStaysWithin64MbPlusFourTimesTheDatabase() throws Exception {
    long seconds = Long.getLong("wal.it.seconds", 5);
    Path data = dir.resolve("data-" + System.nanoTime());
    try (SandboxProcess sandbox = SandboxProcess.start(data, dir.resolve("sandbox.log"))) {
      Path db = single(data, "db");
      Path wal = db.resolveSibling(db.getFileName() + "-wal");
      long peakWal = 0;
      long dbAtPeak = 0;
      long worstExcess = Long.MIN_VALUE;
      int acknowledged;
      try (ExchangeLoad load = ExchangeLoad.start(sandbox.http(), THREADS)) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() - end < 0) {
          long walSize = size(wal);
          long dbSize = size(db);
          worstExcess = Math.max(worstExcess, walSize - (64 * MB + 4 * dbSize));
          if (walSize > peakWal) {
            peakWal = walSize;
            dbAtPeak = dbSize;
          }
          Thread.sleep(10);
        }
        load.stop();
        acknowledged = load.acknowledged().size();
      }
      System.out.printf(
          "WalBoundIT: %d s, %d threads, %d exchanges: WAL peak %.1f MB (database then %.1f MB,"
              + " bound %.1f MB); database at the end %.1f MB%n",
          seconds,
          THREADS,
          acknowledged,
          peakWal / (double) MB,
          dbAtPeak / (double) MB,
          (64 * MB + 4 * dbAtPeak) / (double) MB,
          size(db) / (double) MB);
      // A busy shared machine manages far fewer exchanges than a free one; some must have happened.
      assertThat(acknowledged).isPositive();
      assertThat(worstExcess).as("WAL bytes beyond 64 MB + 4 x database").isNotPositive();
    }
  }

  private static Path single(Path data, String extension) throws IOException {
    try (var files = Files.list(data)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith("." + extension))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no ." + extension + " file in " + data));
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
