package dev.oauthkit.hubspot.sandbox.store;

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
 * connections, each with its statements prepared once. A background thread checkpoints the WAL
 * (PASSIVE every second, TRUNCATE after each purge) so it stays small. The file is this executor's
 * alone while it is open ({@link StoreLock}).
 */
final class SqliteExecutor implements SqlExecutor {

  private final GroupCommitWriter writer;
  private final BlockingQueue<SqlSession> readers;
  private final SqlSession checkpointSession;
  private final ScheduledExecutorService checkpointer;
  private final String schemaVersion;
  private final StoreLock lock;

  private SqliteExecutor(
      GroupCommitWriter writer,
      BlockingQueue<SqlSession> readers,
      SqlSession checkpointSession,
      String schemaVersion,
      StoreLock lock) {
    this.lock = lock;
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
      SqlSession writeSession =
          SqlSession.open(
              url,
              "PRAGMA journal_mode=WAL",
              "PRAGMA synchronous=NORMAL",
              "PRAGMA wal_autocheckpoint=0",
              "PRAGMA journal_size_limit=67108864");
      String version;
      try {
        version = SchemaMigrations.migrate(dataSource(url), SchemaMigrations.SQLITE, true);
      } catch (RuntimeException e) {
        writeSession.close();
        throw e;
      }
      BlockingQueue<SqlSession> readers = new ArrayBlockingQueue<>(readerCount);
      for (int i = 0; i < readerCount; i++) {
        readers.add(SqlSession.open(url, "PRAGMA query_only=1"));
      }
      SqliteExecutor executor =
          new SqliteExecutor(
              GroupCommitWriter.start(writeSession), readers, SqlSession.open(url), version, lock);
      executor.checkpointer.scheduleWithFixedDelay(
          () -> executor.checkpoint("PASSIVE"), 1, 1, TimeUnit.SECONDS);
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
