package dev.oauthkit.hubspot.sandbox.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Makes a SQLite file one store's: an exclusive lock on {@code <file>.lock} (owner-only, empty),
 * held while the store is open and released by the OS if the process dies. A second sandbox, or a
 * second store in this JVM, on the same file is refused with a message saying what to do instead.
 * The store relies on it: it keeps what it read in memory ({@link ReadCache}).
 */
final class StoreLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private StoreLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Locks the file, or throws.
   *
   * @throws StoreException if another store holds the lock or it cannot be taken
   */
  static StoreLock acquire(Path file) {
    Path path = file.toAbsolutePath().resolveSibling(file.getFileName() + ".lock");
    FileChannel channel = null;
    try {
      createOwnerOnly(path);
      channel = FileChannel.open(path, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw inUse(file, null);
      }
      return new StoreLock(channel, lock);
    } catch (OverlappingFileLockException e) {
      throw closing(channel, inUse(file, e));
    } catch (IOException e) {
      throw closing(channel, new StoreException("cannot lock the SQLite store at " + file, e));
    } catch (StoreException e) {
      throw closing(channel, e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // the OS releases the lock with the process anyway
    }
  }

  private static void createOwnerOnly(Path path) throws IOException {
    try {
      Files.createFile(
          path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException e) {
      // locked or left by an earlier run
    } catch (UnsupportedOperationException e) {
      if (!Files.exists(path)) {
        Files.createFile(path);
      }
    }
  }

  private static StoreException inUse(Path file, Throwable cause) {
    return new StoreException(
        "another sandbox is using the SQLite store at "
            + file
            + "; give each sandbox its own --data-dir, or share PostgreSQL (--store=postgres)",
        cause);
  }

  private static StoreException closing(FileChannel channel, StoreException e) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
    }
    return e;
  }
}
