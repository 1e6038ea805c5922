package dev.oauthkit.hubspot.sandbox.config;

import dev.oauthkit.hubspot.sandbox.store.JdbcStore;
import dev.oauthkit.hubspot.sandbox.store.MemoryStore;
import dev.oauthkit.hubspot.sandbox.store.SandboxStore;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The stores {@code --store} chooses from, with what differs between them: how each is opened, and
 * whether refresh grants seal their access tokens instead of storing them ({@link TokenKeys}).
 */
public enum StoreKind {
  /** One SQLite file in the data directory; seals under a key kept there. */
  SQLITE(true),
  /** Maps in memory, gone at exit; seals under a key made per start. */
  MEMORY(true),
  /** One PostgreSQL database shared by sandboxes; stores every access token. */
  POSTGRES(false);

  private final boolean seals;

  StoreKind(boolean seals) {
    this.seals = seals;
  }

  /** The name as {@code --store} takes it, e.g. {@code sqlite}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether a refresh grant seals its access token (nothing written). PostgreSQL does not: each
   * sandbox on it has its own data directory, so a key there could not be shared.
   */
  public boolean seals() {
    return seals;
  }

  /** Opens this kind of store with the settings' data directory or PostgreSQL target. */
  SandboxStore open(SandboxSettings settings, DataDir dataDir) {
    int connections = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    return switch (this) {
      case MEMORY -> MemoryStore.create();
      case POSTGRES -> JdbcStore.postgres(settings.postgres(), Math.min(connections, 16));
      case SQLITE ->
          JdbcStore.sqlite(dataDir.ownerOnlyFile(SandboxConfiguration.DATABASE_FILE), connections);
    };
  }

  /** The kind named {@code id}, ignoring case. */
  static Optional<StoreKind> named(String id) {
    return Arrays.stream(values()).filter(kind -> kind.id().equalsIgnoreCase(id)).findFirst();
  }

  /** The valid names in words: {@code sqlite, memory or postgres}. */
  static String choices() {
    String all = Arrays.stream(values()).map(StoreKind::id).collect(Collectors.joining(", "));
    int last = all.lastIndexOf(", ");
    return all.substring(0, last) + " or " + all.substring(last + 2);
  }
}
