package dev.oauthkit.hubspot.sandbox.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The only thread that writes to SQLite. Callers enqueue work and block; the thread drains the
 * queue, runs a batch of work in one transaction, commits, and only then answers every caller of
 * the batch (group commit). A batch that fails is rolled back and its work retried one by one, so
 * one bad write fails only its own caller. A failure of the file itself (full disk, I/O error, a
 * read-only or corrupt file: {@link #fileFault}) fails the whole batch as an outage ({@link
 * StoreHealth}): the connection and its statements are dropped and opened again before the next
 * batch, and while the store is down callers are answered at once, but for one probe every half
 * second. A caller that waited {@value #MAX_WAIT_MILLIS} ms for a batch that never began (the
 * writer is stuck) is answered 503, and its work is dropped, never run later: a retry after a 503
 * finds nothing of it (an authorization code still unused). Work the writer has begun is waited for
 * up to {@value #MAX_RUN_MILLIS} ms more, as its commit may still come.
 */
final class GroupCommitWriter implements AutoCloseable {

  private static final int BUSY_RETRIES = 12;
  private static final int SQLITE_BUSY = 5;

  /** SQLite's primary result codes that mean the file, not the work, failed. */
  private static final Set<Integer> FILE_FAULTS = Set.of(3, 7, 8, 10, 11, 13, 14, 15, 26);

  private static final int MAX_BATCH = 1024;

  /** How long a caller waits for its commit before it is answered 503 (the writer is stuck). */
  static final long MAX_WAIT_MILLIS = 2_000;

  /** How much longer a caller waits once the writer has begun its work. */
  static final long MAX_RUN_MILLIS = 10_000;

  private final Opener opener;
  private final StoreHealth health;
  private final BlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
  private final AtomicReference<FutureTask<Void>> between = new AtomicReference<>();
  private final Thread thread;
  private SqlSession session;
  private boolean closed;

  private GroupCommitWriter(SqlSession session, Opener opener, StoreHealth health) {
    this.session = session;
    this.opener = opener;
    this.health = health;
    this.thread = new Thread(this::loop, "sqlite-writer");
    this.thread.setDaemon(true);
  }

  /** Opens the writer's connection. */
  @FunctionalInterface
  interface Opener {
    SqlSession open() throws SQLException;
  }

  /**
   * Starts the writer on a connection from {@code opener}, which it owns from now on (auto-commit
   * off) and opens again after a failure of the file.
   */
  static GroupCommitWriter start(Opener opener, StoreHealth health) throws SQLException {
    GroupCommitWriter writer = new GroupCommitWriter(openForWriting(opener), opener, health);
    writer.thread.start();
    return writer;
  }

  /**
   * Runs work in the next batch and returns its result once that batch is committed.
   *
   * @throws StoreException unavailable while the store cannot write, or if the commit takes longer
   *     than two seconds
   */
  <T> T submit(Sql.Work<T> work) {
    health.admit();
    return enqueue(work);
  }

  /**
   * Commits a one-page write (SQLite's {@code user_version}, which the store does not use), so a
   * success means the file takes writes again; bypasses {@link StoreHealth#admit}.
   */
  void probe() {
    enqueue(
        s -> {
          s.prepare("PRAGMA user_version=0").execute();
          return null;
        });
  }

  private <T> T enqueue(Sql.Work<T> work) {
    Job<T> job = new Job<>(work);
    synchronized (this) {
      if (closed) {
        throw new StoreException("the store is closed", null);
      }
      queue.add(job);
    }
    try {
      try {
        return job.done.get(MAX_WAIT_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (job.abandon()) {
          throw e; // never begun, and now never run
        }
        return job.done.get(MAX_RUN_MILLIS, TimeUnit.MILLISECONDS); // begun: its commit may come
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StoreException outage) {
        throw outage;
      }
      throw new StoreException("a write failed", e.getCause());
    } catch (TimeoutException e) {
      health.failed(new TimeoutException("no commit within " + MAX_WAIT_MILLIS + " ms"));
      throw health.outage(null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for a write", e);
    }
  }

  /**
   * Runs {@code task} on the writer thread between two batches, so that no write competes with it
   * (a TRUNCATE checkpoint that would otherwise wait for a gap between batches that, under load,
   * never comes); returns when it has run, or after 10 s.
   */
  void runBetweenBatches(Runnable task) {
    FutureTask<Void> future = new FutureTask<>(task, null);
    if (!between.compareAndSet(null, future)) {
      return; // one is already waiting
    }
    try {
      future.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      between.compareAndSet(future, null);
    } catch (InterruptedException e) {
      between.compareAndSet(future, null);
      Thread.currentThread().interrupt();
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
      FutureTask<Void> task = between.getAndSet(null);
      if (task != null) {
        task.run();
      }
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
            if (session != null) {
              session.close();
            }
            return;
          }
        }
        continue;
      }
      batch.add(first);
      queue.drainTo(batch, MAX_BATCH - 1);
      batch.removeIf(job -> !job.begin()); // dropped by callers that gave up waiting
      if (!batch.isEmpty()) {
        runBatch(batch);
      }
      batch.clear();
    }
  }

  private void runBatch(List<Job<?>> batch) {
    if (session == null) {
      try {
        session = openForWriting(opener);
      } catch (SQLException | RuntimeException e) {
        health.failed(e);
        failAll(batch, e);
        return;
      }
    }
    runBatch(batch, 0);
  }

  /**
   * Runs and commits a batch. A batch that met SQLITE_BUSY (a checkpoint took the WAL between its
   * read and its write: BUSY_SNAPSHOT, which busy_timeout does not wait out) is rolled back and run
   * again on a fresh snapshot after a short pause, up to {@value #BUSY_RETRIES} times (under a
   * second in all); otherwise its jobs are retried one by one so one bad job fails alone.
   */
  private void runBatch(List<Job<?>> batch, int retries) {
    long started = System.nanoTime();
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
      if (fileFault(e)) {
        health.failed(e);
        session.close();
        session = null;
        failAll(batch, e);
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
    health.succeeded(started);
    for (Job<?> job : batch) {
      job.complete();
    }
  }

  private void failAll(List<Job<?>> batch, Throwable cause) {
    StoreException outage = health.outage(cause);
    for (Job<?> job : batch) {
      job.done.completeExceptionally(outage);
    }
  }

  private static SqlSession openForWriting(Opener opener) throws SQLException {
    SqlSession opened = opener.open();
    try {
      opened.connection().setAutoCommit(false);
    } catch (SQLException e) {
      opened.close();
      throw e;
    }
    return opened;
  }

  /**
   * Whether a failure is the file's, not the work's: SQLite's PERM, NOMEM, READONLY, IOERR,
   * CORRUPT, FULL, CANTOPEN, PROTOCOL or NOTADB, or a driver error without a SQLite code (a closed
   * connection). A constraint or SQL error fails only its own caller; BUSY is retried.
   */
  static boolean fileFault(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return sql.getErrorCode() == 0 || FILE_FAULTS.contains(sql.getErrorCode() & 0xff);
      }
    }
    return false;
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
    } catch (SQLException | RuntimeException ignored) {
      // the failed work is reported to its caller
    }
  }

  private static final class Job<T> {
    private static final int QUEUED = 0;
    private static final int BEGUN = 1;
    private static final int ABANDONED = 2;

    private final Sql.Work<T> work;
    private final CompletableFuture<T> done = new CompletableFuture<>();
    private final AtomicInteger state = new AtomicInteger(QUEUED);
    private T result;

    private Job(Sql.Work<T> work) {
      this.work = work;
    }

    /** The writer takes it, unless its caller gave up first. */
    private boolean begin() {
      return state.compareAndSet(QUEUED, BEGUN);
    }

    /** Its caller gives up, unless the writer took it first. */
    private boolean abandon() {
      return state.compareAndSet(QUEUED, ABANDONED);
    }

    private void execute(SqlSession session) throws SQLException {
      result = work.run(session);
    }

    private void complete() {
      done.complete(result);
    }
  }
}
