package dev.oauthkit.hubspot.core;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** {@link TokenStore#inMemory()}: one {@link TokenState} in an atomic reference. */
final class InMemoryTokenStore implements TokenStore {

  private final AtomicReference<TokenState> state = new AtomicReference<>(TokenState.empty());

  @Override
  public TokenState read() {
    return state.get();
  }

  @Override
  public boolean compareAndSet(TokenState expected, TokenState next) {
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(next, "next");
    TokenState current = state.get();
    return current.version() == expected.version() && state.compareAndSet(current, next);
  }

  @Override
  public String toString() {
    return "InMemoryTokenStore{" + state.get() + "}";
  }
}
