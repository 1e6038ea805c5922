package dev.oauthkit.hubspot.sandbox.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The extension's cache under {@code <java.io.tmpdir>/hubspot-oauth-sandbox-junit}: one directory
 * per sandbox jar (its copy, its extracted form and CDS archive). Each use touches its directory;
 * directories of other jars untouched for {@link #UNUSED} are deleted, so old versions do not pile
 * up.
 */
final class CacheDirs {

  static final Duration UNUSED = Duration.ofDays(2);
  private static final Path ROOT =
      Path.of(System.getProperty("java.io.tmpdir"), "hubspot-oauth-sandbox-junit");

  private CacheDirs() {}

  /** The directory {@code name} of the cache, created and touched; stale siblings removed. */
  static Path use(String name) {
    return use(ROOT, name, Instant.now());
  }

  static Path use(Path root, String name, Instant now) {
    Path dir = root.resolve(name);
    try {
      Files.createDirectories(dir);
      Files.setLastModifiedTime(dir, FileTime.from(now));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the cache directory " + dir, e);
    }
    try (Stream<Path> siblings = Files.list(root)) {
      siblings
          .filter(sibling -> !sibling.equals(dir) && unusedSince(sibling, now.minus(UNUSED)))
          .forEach(CacheDirs::delete);
    } catch (IOException e) {
      // pruning is best effort
    }
    return dir;
  }

  private static boolean unusedSince(Path dir, Instant limit) {
    try {
      return Files.getLastModifiedTime(dir).toInstant().isBefore(limit);
    } catch (IOException e) {
      return false;
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort
    }
  }
}
