package dev.oauthkit.hubspot.sandbox.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The default store: one SQLite file in WAL mode. All writes go through one {@link
 * GroupCommitWriter} thread that commits in batches and answers callers only after their batch is
 * committed, so a token answered 200 survives {@code kill -9}. Reads use a small pool of
 * connections; a background thread checkpoints the WAL so it stays small.
 */
public final class SqliteStore implements SandboxStore {

  private final GroupCommitWriter writer;
  private final BlockingQueue<SqlSession> readers;
  private final SqlSession checkpointSession;
  private final ScheduledExecutorService checkpointer;

  private SqliteStore(
      GroupCommitWriter writer,
      BlockingQueue<SqlSession> readers,
      SqlSession checkpointSession,
      ScheduledExecutorService checkpointer) {
    this.writer = writer;
    this.readers = readers;
    this.checkpointSession = checkpointSession;
    this.checkpointer = checkpointer;
  }

  /** Opens (creating if needed) the database file and starts the writer and checkpoint threads. */
  public static SqliteStore open(Path file, int readerCount) {
    if (readerCount < 1) {
      throw new IllegalArgumentException("readerCount must be at least 1, got " + readerCount);
    }
    String url = "jdbc:sqlite:" + file.toAbsolutePath();
    try {
      SqlSession writeSession =
          SqlSession.open(
              url,
              "PRAGMA journal_mode=WAL",
              "PRAGMA synchronous=NORMAL",
              "PRAGMA wal_autocheckpoint=0",
              "PRAGMA journal_size_limit=67108864");
      for (String ddl : SqliteStatements.SCHEMA) {
        writeSession.execute(ddl);
      }
      BlockingQueue<SqlSession> readers = new ArrayBlockingQueue<>(readerCount);
      for (int i = 0; i < readerCount; i++) {
        readers.add(SqlSession.open(url, "PRAGMA query_only=1"));
      }
      ScheduledExecutorService checkpointer =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread thread = new Thread(r, "sqlite-checkpoint");
                thread.setDaemon(true);
                return thread;
              });
      SqliteStore store =
          new SqliteStore(
              GroupCommitWriter.start(writeSession), readers, SqlSession.open(url), checkpointer);
      checkpointer.scheduleWithFixedDelay(store::checkpoint, 1, 1, TimeUnit.SECONDS);
      return store;
    } catch (SQLException e) {
      throw new StoreException("cannot open the SQLite store", e);
    }
  }

  @Override
  public List<App> loadApps() {
    return read(SqliteStatements::selectApps);
  }

  @Override
  public Optional<App> findApp(String clientId) {
    return clientId == null ? Optional.empty() : read(s -> SqliteStatements.selectApp(s, clientId));
  }

  @Override
  public void insertApp(App app) {
    writer.submit(s -> SqliteStatements.insertApp(s, app));
  }

  @Override
  public void insertCode(AuthCodeRow code) {
    writer.submit(s -> SqliteStatements.insertCode(s, code));
  }

  @Override
  public Optional<AuthCodeRow> findCode(String codeHash) {
    return read(s -> SqliteStatements.selectCode(s, codeHash));
  }

  @Override
  public boolean redeemCode(
      String codeHash, Instant now, RefreshTokenRow refresh, AccessTokenRow access) {
    return claimThenIssue(s -> SqliteStatements.markCodeUsed(s, codeHash, now), refresh, access);
  }

  @Override
  public int revokeCodeFamily(String codeHash, Instant now) {
    return writer.submit(s -> SqliteStatements.revokeFamily(s, codeHash, now));
  }

  @Override
  public Optional<RefreshTokenRow> findRefreshToken(String tokenHash) {
    return read(s -> SqliteStatements.selectRefresh(s, tokenHash));
  }

  @Override
  public Optional<AccessTokenRow.WithRefresh> findAccessToken(String tokenHash) {
    return read(s -> SqliteStatements.selectAccess(s, tokenHash));
  }

  @Override
  public void insertAccessToken(AccessTokenRow access) {
    writer.submit(
        s -> {
          SqliteStatements.insertAccess(s, access);
          return null;
        });
  }

  @Override
  public boolean rotateRefreshToken(
      String oldHash, Instant now, RefreshTokenRow next, AccessTokenRow access) {
    return claimThenIssue(s -> SqliteStatements.markRotated(s, oldHash, now), next, access);
  }

  @Override
  public boolean revokeRefreshToken(String tokenHash, Instant now) {
    return writer.submit(s -> SqliteStatements.markRevoked(s, tokenHash, now));
  }

  @Override
  public String kind() {
    return "sqlite";
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
    try {
      checkpointSession.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (SQLException ignored) {
      // the WAL is replayed at the next start
    }
    checkpointSession.close();
    SqlSession reader;
    while ((reader = readers.poll()) != null) {
      reader.close();
    }
  }

  private void checkpoint() {
    try {
      checkpointSession.execute("PRAGMA wal_checkpoint(PASSIVE)");
    } catch (SQLException ignored) {
      // retried at the next tick
    }
  }

  /** In one commit: claim a code or token; only if this call claimed it, store the new tokens. */
  private boolean claimThenIssue(
      GroupCommitWriter.Work<Boolean> claim, RefreshTokenRow refresh, AccessTokenRow access) {
    return writer.submit(
        s -> {
          if (!claim.run(s)) {
            return false;
          }
          SqliteStatements.insertRefresh(s, refresh);
          SqliteStatements.insertAccess(s, access);
          return true;
        });
  }

  private <T> T read(GroupCommitWriter.Work<T> work) {
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
}
