package dev.oauthkit.hubspot.core;

/**
 * Where a {@link RefreshingAccessTokenProvider} keeps its tokens, so that the instances of an app
 * that share one store (a database row, a Redis key) use one access token, make one refresh, and
 * never send a refresh token another instance already rotated away.
 *
 * <p>Contract: {@link #read()} returns the latest {@link TokenState} written (or {@link
 * TokenState#empty()}); {@link #compareAndSet} writes {@code next} only if the stored state's
 * {@link TokenState#version() version} is still {@code expected.version()}, atomically, and says
 * whether it did. {@code next.version()} is always {@code expected.version() + 1}. A provider takes
 * a lease (a compare-and-set) before it refreshes; other instances wait for the lease's result or
 * its expiry, using the stored access token meanwhile when it has not expired. Keep the store's
 * calls short: they run on the thread that refreshes. Implementations must be thread-safe.
 */
public interface TokenStore {

  /**
   * Returns the stored state.
   *
   * @return the state, or {@link TokenState#empty()} when nothing was stored yet
   */
  TokenState read();

  /**
   * Replaces the stored state with {@code next} if its version is still {@code expected}'s.
   *
   * @param expected the state as read
   * @param next the state to write, one version later
   * @return whether {@code next} was written
   */
  boolean compareAndSet(TokenState expected, TokenState next);

  /**
   * Returns a new store in this JVM's memory: the default, one per provider. Share one instance
   * between providers to test the several-instances behaviour in one JVM.
   *
   * @return the store
   */
  static TokenStore inMemory() {
    return new InMemoryTokenStore();
  }
}
