package dev.oauthkit.hubspot.sandbox.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Runs the store on one SQLite file in WAL mode. All writes go through one {@link
 * GroupCommitWriter} thread that commits in batches and answers callers only after their batch is
 * committed, so a token answered 200 survives {@code kill -9}. Reads use a small pool of
 * connections, each with its statements prepared once. A background thread checkpoints the WAL so
 * it stays small whatever the load: PASSIVE every second (never blocks, but under sustained writes
 * it never catches up, and the WAL only grows), escalated to TRUNCATE (copies every frame back and
 * empties the file) as soon as the WAL passes {@value #WAL_ESCALATION_MB} MB, checked four times a
 * second; the escalation runs on the writer thread between two batches, so it never waits for a gap
 * between writes (only for the readers, which are short); and TRUNCATE after each purge. The file
 * is this executor's alone while it is open ({@link StoreLock}).
 */
final class SqliteExecutor implements SqlExecutor {

  /** The WAL size at which a checkpoint stops being polite (TRUNCATE instead of PASSIVE). */
  static final long WAL_ESCALATION_MB = 16;

  private static final long CHECK_MILLIS = 250;
  private static final int CHECKS_PER_PASSIVE = 4;

  private final StoreHealth health;
  private final Path wal;
  private int checks;
  private final GroupCommitWriter writer;
  private final BlockingQueue<SqlSession> readers;
  private final SqlSession checkpointSession;
  private final ScheduledExecutorService checkpointer;
  private final String schemaVersion;
  private final StoreLock lock;

  private SqliteExecutor(
      StoreHealth health,
      GroupCommitWriter writer,
      BlockingQueue<SqlSession> readers,
      SqlSession checkpointSession,
      String schemaVersion,
      StoreLock lock,
      Path wal) {
    this.lock = lock;
    this.wal = wal;
    this.health = health;
    this.writer = writer;
    this.readers = readers;
    this.checkpointSession = checkpointSession;
    this.schemaVersion = schemaVersion;
    this.checkpointer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "sqlite-checkpoint");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Opens (creating if needed) and migrates the file, then starts the writer and checkpoints. */
  static SqliteExecutor open(Path file, int readerCount) {
    if (readerCount < 1) {
      throw new IllegalArgumentException("readerCount must be at least 1, got " + readerCount);
    }
    String url = "jdbc:sqlite:" + file.toAbsolutePath();
    StoreLock lock = StoreLock.acquire(file);
    try {
      GroupCommitWriter.Opener opener =
          () ->
              SqlSession.open(
                  url,
                  "PRAGMA journal_mode=WAL",
                  "PRAGMA synchronous=NORMAL",
                  "PRAGMA wal_autocheckpoint=0",
                  "PRAGMA journal_size_limit=67108864");
      // WAL mode is set (and kept in the file) before Flyway opens it.
      opener.open().close();
      String version = SchemaMigrations.migrate(dataSource(url), SchemaMigrations.SQLITE, true);
      BlockingQueue<SqlSession> readers = new ArrayBlockingQueue<>(readerCount);
      for (int i = 0; i < readerCount; i++) {
        readers.add(SqlSession.open(url, "PRAGMA query_only=1"));
      }
      StoreHealth health = StoreHealth.of("sqlite");
      SqliteExecutor executor =
          new SqliteExecutor(
              health,
              GroupCommitWriter.start(opener, health),
              readers,
              SqlSession.open(url),
              version,
              lock,
              file.resolveSibling(file.getFileName() + "-wal"));
      executor.checkpointer.scheduleWithFixedDelay(
          executor::checkpointTick, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
      return executor;
    } catch (SQLException | RuntimeException e) {
      lock.close();
      throw new StoreException("cannot open the SQLite store at " + file, e);
    }
  }

  @Override
  public <T> T read(Sql.Work<T> work) {
    SqlSession session;
    try {
      session = readers.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for a connection", e);
    }
    try {
      return work.run(session);
    } catch (SQLException e) {
      if (GroupCommitWriter.fileFault(e)) {
        throw health.outage(e);
      }
      throw new StoreException("a read failed", e);
    } finally {
      readers.add(session);
    }
  }

  @Override
  public <T> T write(Sql.Work<T> work) {
    return writer.submit(work);
  }

  /**
   * Shrinks the WAL back to nothing (a TRUNCATE checkpoint, in the checkpoint thread), so its size
   * on disk never stays at the high-water mark of a busy minute; retried at the next purge if the
   * writer stays busy.
   */
  @Override
  public void afterPurge() {
    checkpointer.execute(() -> checkpoint("TRUNCATE"));
  }

  @Override
  public StoreHealth health() {
    return health;
  }

  @Override
  public void probe() {
    writer.probe();
  }

  @Override
  public String kind() {
    return "sqlite";
  }

  @Override
  public String schemaVersion() {
    return schemaVersion;
  }

  @Override
  public void close() {
    checkpointer.shutdownNow();
    try {
      checkpointer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writer.close();
    checkpoint("TRUNCATE");
    checkpointSession.close();
    SqlSession reader;
    while ((reader = readers.poll()) != null) {
      reader.close();
    }
    lock.close();
  }

  /** TRUNCATE once the WAL is past the escalation size; otherwise PASSIVE every fourth check. */
  private void checkpointTick() {
    long walBytes;
    try {
      walBytes = Files.size(wal);
    } catch (IOException e) {
      walBytes = 0;
    }
    if (walBytes > WAL_ESCALATION_MB * 1024 * 1024) {
      writer.runBetweenBatches(() -> checkpoint("TRUNCATE"));
    } else if (++checks % CHECKS_PER_PASSIVE == 0) {
      checkpoint("PASSIVE");
    }
  }

  private void checkpoint(String mode) {
    try {
      checkpointSession.execute("PRAGMA wal_checkpoint(" + mode + ")");
    } catch (SQLException ignored) {
      // the WAL is checkpointed at the next tick, or replayed at the next start
    }
  }

  /** Flyway's own connections to the file, waiting (not failing) while the writer holds it. */
  private static SQLiteDataSource dataSource(String url) {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(10_000);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl(url);
    return dataSource;
  }
}
