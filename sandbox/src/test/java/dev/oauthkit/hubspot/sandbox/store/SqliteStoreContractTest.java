package dev.oauthkit.hubspot.sandbox.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on {@link JdbcStore#sqlite}, a new database file per test. */
class SqliteStoreContractTest extends SandboxStoreContractTest {

  @TempDir Path temp;

  @Override
  SandboxStore newStore() {
    return JdbcStore.sqlite(temp.resolve("sandbox.db"), 2);
  }
}
