package dev.oauthkit.hubspot.sandbox.store;

/** The store contract on {@link MemoryStore}. */
class MemoryStoreContractTest extends SandboxStoreContractTest {

  @Override
  SandboxStore newStore() {
    return MemoryStore.create();
  }
}
