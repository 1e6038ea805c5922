package dev.oauthkit.hubspot.sandbox.store;

/**
 * Who runs and commits the store's statements: on SQLite, a small pool of reading connections and
 * one group-commit writer ({@link SqliteExecutor}); on PostgreSQL, a Hikari pool with one short
 * transaction per write ({@link PostgresExecutor}). Both return from {@link #write} only once the
 * work is committed.
 */
interface SqlExecutor extends AutoCloseable {

  /** Runs read-only work. */
  <T> T read(Sql.Work<T> work);

  /** Runs work in one transaction and returns its result once that transaction is committed. */
  <T> T write(Sql.Work<T> work);

  /** Called after each purge: gives space back where the database needs telling. */
  void afterPurge();

  /** Whether the store can write, as the last write or {@link #probe} found. */
  StoreHealth health();

  /**
   * Finds out whether the store can write again (a small write or a connection check), recording
   * the answer in {@link #health}; throws the outage if it cannot.
   */
  void probe();

  /** A short name for logs: {@code sqlite} or {@code postgres}. */
  String kind();

  /** The Flyway version of the schema after start-up, e.g. {@code 2}. */
  String schemaVersion();

  @Override
  void close();
}
