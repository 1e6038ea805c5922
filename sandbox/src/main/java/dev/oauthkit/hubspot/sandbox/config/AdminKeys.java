package dev.oauthkit.hubspot.sandbox.config;

import dev.oauthkit.hubspot.sandbox.admin.AdminKey;
import dev.oauthkit.hubspot.sandbox.secret.Secrets;
import java.util.Optional;

/** Finds the admin key: the flag, else the data directory's file, else a new one written there. */
final class AdminKeys {

  static final String FILE = "admin-key";

  private AdminKeys() {}

  static AdminKey resolve(SandboxSettings settings, DataDir dataDir) {
    if (settings.adminKey() != null) {
      return AdminKey.given(settings.adminKey(), settings.flags().origin(Flag.ADMIN_KEY));
    }
    String path = dataDir.resolve(FILE).toString();
    Optional<String> stored = dataDir.read(FILE).filter(value -> !value.isBlank());
    if (stored.isPresent()) {
      return AdminKey.fromFile(stored.get(), path, false);
    }
    String generated = Secrets.adminKey();
    dataDir.writeOwnerOnly(FILE, generated + "\n");
    return AdminKey.fromFile(generated, path, true);
  }
}
