package dev.oauthkit.hubspot.sandbox.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;

/**
 * The data directory: created readable by its owner only, holding the database and the small
 * owner-only files for the admin key and the demo app.
 */
public final class DataDir {

  private final Path root;

  private DataDir(Path root) {
    this.root = root;
  }

  /** Opens the directory, creating it (owner-only) if needed. */
  public static DataDir open(Path root) {
    Objects.requireNonNull(root, "root");
    Path absolute = root.toAbsolutePath().normalize();
    try {
      if (!Files.isDirectory(absolute)) {
        Files.createDirectories(absolute);
        restrict(absolute, "rwx------");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + absolute, e);
    }
    return new DataDir(absolute);
  }

  public Path root() {
    return root;
  }

  public Path resolve(String name) {
    return root.resolve(name);
  }

  /** The trimmed text of a file in the directory, if it exists. */
  public Optional<String> read(String name) {
    Path file = root.resolve(name);
    try {
      return Files.exists(file)
          ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim())
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Writes a file readable and writable by its owner only (atomically replaced). */
  public Path writeOwnerOnly(String name, String content) {
    Path file = root.resolve(name);
    Path temp = root.resolve(name + ".tmp");
    try {
      Files.deleteIfExists(temp);
      Files.createFile(temp);
      restrict(temp, "rw-------");
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void restrict(Path path, String permissions) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }
  }
}
