package dev.oauthkit.hubspot.sandbox.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The only thread that writes to SQLite. Callers enqueue work and block; the thread drains the
 * queue, runs a batch of work in one transaction, commits, and only then answers every caller of
 * the batch (group commit). A batch that fails is rolled back and its work retried one by one, so
 * one bad write fails only its own caller.
 */
final class GroupCommitWriter implements AutoCloseable {

  private static final int BUSY_RETRIES = 12;
  private static final int SQLITE_BUSY = 5;

  private static final int MAX_BATCH = 1024;

  private final SqlSession session;
  private final BlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private boolean closed;

  private GroupCommitWriter(SqlSession session) {
    this.session = session;
    this.thread = new Thread(this::loop, "sqlite-writer");
    this.thread.setDaemon(true);
  }

  /** Starts the writer on a connection it owns from now on (auto-commit off). */
  static GroupCommitWriter start(SqlSession session) throws SQLException {
    session.connection().setAutoCommit(false);
    GroupCommitWriter writer = new GroupCommitWriter(session);
    writer.thread.start();
    return writer;
  }

  /** Runs work in the next batch and returns its result once that batch is committed. */
  <T> T submit(Sql.Work<T> work) {
    Job<T> job = new Job<>(work);
    synchronized (this) {
      if (closed) {
        throw new StoreException("the store is closed", null);
      }
      queue.add(job);
    }
    try {
      return job.done.get();
    } catch (ExecutionException e) {
      throw new StoreException("a write failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for a write", e);
    }
  }

  /** Stops taking work, commits what is queued and returns when the thread is done. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void loop() {
    List<Job<?>> batch = new ArrayList<>(MAX_BATCH);
    while (true) {
      Job<?> first;
      try {
        first = queue.poll(50, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (first == null) {
        synchronized (this) {
          if (closed && queue.isEmpty()) {
            return;
          }
        }
        continue;
      }
      batch.add(first);
      queue.drainTo(batch, MAX_BATCH - 1);
      runBatch(batch);
      batch.clear();
    }
  }

  private void runBatch(List<Job<?>> batch) {
    runBatch(batch, 0);
  }

  /**
   * Runs and commits a batch. A batch that met SQLITE_BUSY (a checkpoint took the WAL between its
   * read and its write: BUSY_SNAPSHOT, which busy_timeout does not wait out) is rolled back and run
   * again on a fresh snapshot after a short pause, up to {@value #BUSY_RETRIES} times (under a
   * second in all); otherwise its jobs are retried one by one so one bad job fails alone.
   */
  private void runBatch(List<Job<?>> batch, int retries) {
    try {
      for (Job<?> job : batch) {
        job.execute(session);
      }
      session.connection().commit();
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly();
      if (busy(e) && retries < BUSY_RETRIES) {
        pause(retries + 1);
        runBatch(batch, retries + 1);
        return;
      }
      if (batch.size() == 1) {
        batch.get(0).done.completeExceptionally(e);
      } else {
        for (Job<?> job : batch) {
          runBatch(List.of(job));
        }
      }
      return;
    }
    for (Job<?> job : batch) {
      job.complete();
    }
  }

  /** Waits a little longer each time (10, 20, ... ms) for the checkpoint to let go. */
  private static void pause(int attempt) {
    try {
      Thread.sleep(10L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean busy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && (sql.getErrorCode() & 0xff) == SQLITE_BUSY) {
        return true;
      }
    }
    return false;
  }

  private void rollbackQuietly() {
    try {
      session.connection().rollback();
    } catch (SQLException ignored) {
      // the failed work is reported to its caller
    }
  }

  private static final class Job<T> {
    private final Sql.Work<T> work;
    private final CompletableFuture<T> done = new CompletableFuture<>();
    private T result;

    private Job(Sql.Work<T> work) {
      this.work = work;
    }

    private void execute(SqlSession session) throws SQLException {
      result = work.run(session);
    }

    private void complete() {
      done.complete(result);
    }
  }
}
