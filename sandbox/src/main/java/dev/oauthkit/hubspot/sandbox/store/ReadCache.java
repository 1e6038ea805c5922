package dev.oauthkit.hubspot.sandbox.store;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Token rows read from a store that no other process writes (the SQLite file, locked by {@link
 * SqliteExecutor}), kept so that metadata calls and refresh grants read memory instead of the file.
 * Correct by generations, not by timing: every write that changes or deletes rows already stored
 * (revocation, rotation, purge) starts a new generation once it is committed, and a row read in an
 * older generation is a miss. Inserts change nothing already cached. Rows are cached as read
 * (expiry is checked by the caller at use), never an absence. At most {@value #MAX_ROWS} rows per
 * kind; beyond that the kind starts empty again. PostgreSQL, which other sandboxes may write, gets
 * {@link #none()}.
 */
final class ReadCache {

  /** The most rows kept per kind (refresh, access); about 30 MB at the limit. */
  static final int MAX_ROWS = 100_000;

  private final boolean enabled;
  private final AtomicLong generation = new AtomicLong();
  private final ConcurrentHashMap<String, Cached> refresh = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Cached> access = new ConcurrentHashMap<>();

  private ReadCache(boolean enabled) {
    this.enabled = enabled;
  }

  /** A cache for a store only this process writes. */
  static ReadCache create() {
    return new ReadCache(true);
  }

  /** No cache: every read goes to the store. */
  static ReadCache none() {
    return new ReadCache(false);
  }

  /** A refresh token row by hash: from the cache when current, else read and kept. */
  Optional<RefreshTokenRow> refresh(String hash, Supplier<Optional<RefreshTokenRow>> read) {
    return find(refresh, hash, read);
  }

  /** An access token row by hash: from the cache when current, else read and kept. */
  Optional<AccessTokenRow.WithRefresh> access(
      String hash, Supplier<Optional<AccessTokenRow.WithRefresh>> read) {
    return find(access, hash, read);
  }

  /** Called after a committed write that changed or deleted stored rows: every row is stale. */
  void invalidate() {
    if (enabled) {
      generation.incrementAndGet();
      refresh.clear();
      access.clear();
    }
  }

  @SuppressWarnings("unchecked")
  private <T> Optional<T> find(
      ConcurrentHashMap<String, Cached> rows, String hash, Supplier<Optional<T>> read) {
    if (!enabled || hash == null) {
      return read.get();
    }
    long current = generation.get();
    Cached cached = rows.get(hash);
    if (cached != null && cached.generation() == current) {
      return Optional.of((T) cached.row());
    }
    Optional<T> found = read.get();
    if (found.isPresent()) {
      if (rows.size() >= MAX_ROWS) {
        rows.clear();
      }
      rows.put(hash, new Cached(current, found.get()));
    }
    return found;
  }

  /** A row and the generation it was read in (taken before the read began). */
  private record Cached(long generation, Object row) {}
}
