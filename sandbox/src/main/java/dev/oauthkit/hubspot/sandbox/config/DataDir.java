package dev.oauthkit.hubspot.sandbox.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory, owner-only: the directory {@code rwx------} and the sandbox's files in it
 * {@code rw-------} (the database with its WAL and shared-memory files, the admin key, the demo
 * app), also when the directory already existed with wider permissions. Other files in it are left
 * alone. On a file system without POSIX permissions nothing is changed; where the system refuses (a
 * directory owned by another user), a warning says so.
 */
public final class DataDir {

  private static final Logger LOG = LoggerFactory.getLogger(DataDir.class);

  /** The sandbox's files: each name, and any name it starts followed by '-' or '.'. */
  private static final List<String> OWN_FILES =
      List.of(SandboxConfiguration.DATABASE_FILE, AdminKeys.FILE, DemoApp.FILE, TokenKeys.FILE);

  private final Path root;

  private DataDir(Path root) {
    this.root = root;
  }

  /**
   * Opens the directory, creating it if needed, and makes it and the sandbox's files owner-only.
   */
  public static DataDir open(Path root) {
    Objects.requireNonNull(root, "root");
    Path absolute = root.toAbsolutePath().normalize();
    try {
      Files.createDirectories(absolute);
      restrictOrWarn(absolute, "rwx------");
      try (DirectoryStream<Path> files = Files.newDirectoryStream(absolute, DataDir::ownFile)) {
        for (Path file : files) {
          restrictOrWarn(file, "rw-------");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the data directory owner-only: " + absolute, e);
    }
    return new DataDir(absolute);
  }

  public Path root() {
    return root;
  }

  public Path resolve(String name) {
    return root.resolve(name);
  }

  /**
   * A file in the directory, created empty and owner-only if missing, for a program that creates
   * its own files with the permissions of this one (SQLite's WAL and shared-memory files).
   */
  public Path ownerOnlyFile(String name) {
    Path file = root.resolve(name);
    try {
      if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        Files.createFile(file);
      }
      restrict(file, "rw-------");
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file, e);
    }
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

  private static boolean ownFile(Path path) {
    if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    String name = path.getFileName().toString();
    return OWN_FILES.stream()
        .anyMatch(
            own -> name.equals(own) || name.startsWith(own + "-") || name.startsWith(own + "."));
  }

  /** Restricts a path that may belong to someone else (a mounted volume): a refusal is logged. */
  private static void restrictOrWarn(Path path, String permissions) throws IOException {
    try {
      restrict(path, permissions);
    } catch (FileSystemException e) {
      LOG.warn("cannot make {} {} ({}): its permissions stay as they are", path, permissions, e);
    }
  }

  private static void restrict(Path path, String permissions) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }
  }
}
