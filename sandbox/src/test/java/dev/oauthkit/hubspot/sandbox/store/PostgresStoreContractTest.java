package dev.oauthkit.hubspot.sandbox.store;

import dev.oauthkit.hubspot.sandbox.testing.PostgresServer;

/**
 * The store contract on {@link JdbcStore#postgres} against a real PostgreSQL server (started once
 * per test JVM), a new database per test. The concurrency tests race two stores on one database, as
 * two sandboxes would.
 */
class PostgresStoreContractTest extends SandboxStoreContractTest {

  private PostgresServer.Database database;

  @Override
  SandboxStore newStore() {
    database = PostgresServer.shared().newDatabase("contract");
    return JdbcStore.postgres(database.target(), 4);
  }

  @Override
  SandboxStore sameData(SandboxStore store) {
    return JdbcStore.postgres(database.target(), 4);
  }
}
