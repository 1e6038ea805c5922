package dev.oauthkit.hubspot.sandbox.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The extension's cache under {@code <java.io.tmpdir>/hubspot-oauth-sandbox-junit-<user.name>} (one
 * per user: on a machine shared by several accounts, a directory another user created cannot be
 * written or touched): per sandbox jar a directory with its copy ({@code <key>}, about 35 MB) and
 * one with its extracted form and CDS archive ({@code fast-<key>}, about 70 MB). Each use touches
 * its directory; of each kind the {@link #KEEP} most recently used stay, and so does any used
 * within {@link #IN_USE} (another build may be running it); the rest are deleted. So the cache
 * holds three sandbox versions (or rebuilds), about 320 MB, plus whatever other JVMs used in the
 * last hour. Deleting the whole directory is always safe while no test runs: the next sandbox
 * recreates what it needs.
 */
final class CacheDirs {

  /** Directories kept per kind: the current sandbox version and the one or two before it. */
  static final int KEEP = 3;

  /** A directory used more recently than this may serve a running sandbox: never deleted. */
  static final Duration IN_USE = Duration.ofHours(1);

  private static final String FAST = "fast-";
  private static final Path ROOT =
      Path.of(
          System.getProperty("java.io.tmpdir"),
          "hubspot-oauth-sandbox-junit-" + fileNameOf(System.getProperty("user.name", "")));

  private CacheDirs() {}

  /** The directory {@code name} of the cache, created and touched; the oldest beyond KEEP go. */
  static Path use(String name) {
    return use(ROOT, name, Instant.now());
  }

  static Path use(Path root, String name, Instant now) {
    Path dir = root.resolve(name);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the cache directory " + dir, e);
    }
    try {
      Files.setLastModifiedTime(dir, FileTime.from(now));
    } catch (IOException e) {
      // not our own directory (the root given to a test): it keeps the time it had
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
    Instant inUse = now.minus(IN_USE);
    sameKind.stream()
        .skip(KEEP)
        .filter(old -> !old.equals(dir) && lastUsed(old).isBefore(inUse))
        .forEach(CacheDirs::delete);
    return dir;
  }

  /** {@code name} as a safe file name: letters, digits, '.', '_' and '-' kept, the rest '_'. */
  static String fileNameOf(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return safe.isEmpty() || safe.chars().allMatch(c -> c == '.') ? "user" : safe;
  }

  private static Instant lastUsed(Path dir) {
    try {
      return Files.getLastModifiedTime(dir).toInstant();
    } catch (IOException e) {
      return Instant.EPOCH;
    }
  }

  /** Deletes {@code dir} and what it holds, as far as it can (best effort, never throws). */
  static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // best effort: another JVM may be deleting the same directory
    }
  }
}
