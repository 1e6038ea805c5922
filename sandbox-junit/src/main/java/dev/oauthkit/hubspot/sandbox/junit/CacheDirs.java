package dev.oauthkit.hubspot.sandbox.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The extension's cache under {@code <java.io.tmpdir>/hubspot-oauth-sandbox-junit}: per sandbox jar
 * a directory with its copy ({@code <key>}, about 35 MB) and one with its extracted form and CDS
 * archive ({@code fast-<key>}, about 100 MB). Each use touches its directory; of each kind only the
 * {@link #KEEP} most recently used stay, older ones are deleted, so the cache stays under about 400
 * MB however many versions and rebuilds a machine sees. Deleting the whole directory is always
 * safe: the next sandbox recreates what it needs.
 */
final class CacheDirs {

  /** Directories kept per kind: the current sandbox version and the one or two before it. */
  static final int KEEP = 3;

  private static final String FAST = "fast-";
  private static final Path ROOT =
      Path.of(System.getProperty("java.io.tmpdir"), "hubspot-oauth-sandbox-junit");

  private CacheDirs() {}

  /** The directory {@code name} of the cache, created and touched; the oldest beyond KEEP go. */
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
    boolean fast = name.startsWith(FAST);
    List<Path> sameKind = new ArrayList<>();
    try (Stream<Path> siblings = Files.list(root)) {
      siblings
          .filter(sibling -> sibling.getFileName().toString().startsWith(FAST) == fast)
          .filter(Files::isDirectory)
          .forEach(sameKind::add);
    } catch (IOException e) {
      return dir; // pruning is best effort
    }
    sameKind.sort(Comparator.comparing(CacheDirs::lastUsed).reversed());
    sameKind.stream().skip(KEEP).filter(old -> !old.equals(dir)).forEach(CacheDirs::delete);
    return dir;
  }

  private static Instant lastUsed(Path dir) {
    try {
      return Files.getLastModifiedTime(dir).toInstant();
    } catch (IOException e) {
      return Instant.EPOCH;
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
