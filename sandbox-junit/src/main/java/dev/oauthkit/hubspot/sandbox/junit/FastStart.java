package dev.oauthkit.hubspot.sandbox.junit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * Class-data sharing for the sandbox, as {@code sandbox/run.sh} does it, without a training run:
 * the jar is extracted once ({@code -Djarmode=tools extract}, into {@code
 * <java.io.tmpdir>/hubspot-oauth-sandbox-junit-<user>/fast-<key>/app}); the first sandbox of a JVM
 * with no archive yet (per cache directory) leaves one behind when it stops cleanly; later
 * sandboxes map it and start faster. The archive is the JDK's: a CDS archive, or on JDK 25 and
 * later an AOT cache ({@link ClassArchive}). Where a process cannot be asked to stop (Windows:
 * {@code destroy()} kills), nothing is trained. Any failure only means a plain {@code java -jar}.
 */
final class FastStart {

  private static final Object LOCK = new Object();
  private static final Set<Path> TRAINING = ConcurrentHashMap.newKeySet();

  private FastStart() {}

  /**
   * The JVM arguments from {@code -XX:...} to the jar.
   *
   * @param args what to put before the sandbox's own flags
   * @param archive the kind of archive, by the JDK
   * @param app the extracted jar
   * @param pendingArchive what this process leaves at exit, to finish after it stopped; {@code
   *     null} if it does not train
   */
  record Launch(List<String> args, ClassArchive archive, Path app, Path pendingArchive) {

    /**
     * Makes the archive for the next sandboxes from what this stopped process left behind.
     *
     * @param jvmOptions the options it ran with (an AOT cache is created with the same)
     */
    void publish(List<String> jvmOptions) {
      if (pendingArchive != null) {
        archive.finish(java(), pendingArchive, app, jvmOptions);
        discard();
      }
    }

    /** Drops what a training process left (it had to be killed, or it was used). */
    void discard() {
      if (pendingArchive != null) {
        ClassArchive.deleteQuietly(pendingArchive);
      }
    }
  }

  /** As {@link #prepare}, if the jar was extracted already (by an earlier run); never extracts. */
  static Optional<Launch> prepareIfExtracted(Path jar) {
    Path app = cacheDir(jar).resolve("app").resolve(jar.getFileName().toString());
    return Files.isRegularFile(app) ? Optional.of(prepare(jar)) : Optional.empty();
  }

  static Launch prepare(Path jar) {
    ClassArchive kind = ClassArchive.forVersion(Runtime.version());
    Path dir;
    try {
      dir = cacheDir(jar);
    } catch (RuntimeException e) {
      return new Launch(List.of("-jar", jar.toString()), kind, jar, null); // no cache here
    }
    Path app = dir.resolve("app").resolve(jar.getFileName().toString());
    if (!Files.isRegularFile(app) && !extract(jar, dir)) {
      return new Launch(List.of("-jar", jar.toString()), kind, jar, null);
    }
    Path archive = dir.resolve(kind.fileName());
    List<String> args = new ArrayList<>(kind.quiet());
    Path pending = null;
    if (Files.isRegularFile(archive)) {
      args.addAll(kind.use(archive));
    } else if (ProcessHandle.current().supportsNormalTermination() && TRAINING.add(dir)) {
      pending = dir.resolve(kind.fileName() + "-" + ProcessHandle.current().pid() + ".part");
      args.addAll(kind.train(pending));
    }
    args.addAll(List.of("-jar", app.toString()));
    return new Launch(List.copyOf(args), kind, app, pending);
  }

  /**
   * Extracts the jar into {@code dir/app}, unless another JVM did; an {@code app} without its jar
   * (half deleted by a temporary-file cleaner) is set aside and extracted again.
   */
  private static boolean extract(Path jar, Path dir) {
    synchronized (LOCK) {
      Path app = dir.resolve("app");
      Path extracted = app.resolve(jar.getFileName().toString());
      if (Files.isRegularFile(extracted)) {
        return true;
      }
      Path partial = null;
      try {
        Files.createDirectories(dir);
        if (Files.exists(app)) {
          Path stale = Files.createTempDirectory(dir, "stale-");
          Files.move(app, stale.resolve("app"), StandardCopyOption.ATOMIC_MOVE);
          CacheDirs.delete(stale);
        }
        partial = Files.createTempDirectory(dir, "extract-");
        List<String> command =
            List.of(
                java(),
                "-Djarmode=tools",
                "-jar",
                jar.toString(),
                "extract",
                "--destination",
                partial.toString());
        if (!runToEnd(command)) {
          return false;
        }
        try {
          Files.move(partial, app, StandardCopyOption.ATOMIC_MOVE);
          partial = null;
        } catch (IOException e) {
          return Files.isRegularFile(extracted); // another JVM extracted it first
        }
        return true;
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } finally {
        if (partial != null) {
          CacheDirs.delete(partial);
        }
      }
    }
  }

  /**
   * Runs a helper JVM (an extraction, an archive's creation) with its output discarded: whether it
   * exited 0 within 120 s; killed if it did not end by then.
   */
  static boolean runToEnd(List<String> command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return false;
    }
    return process.exitValue() == 0;
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * The jar as written: its size, file key and change time. Not its modification time: a
   * reproducible build gives every rebuilt jar the same one. Where files have no change time
   * (Windows), its content's CRC-32 instead.
   */
  static String written(Path jar) throws IOException {
    BasicFileAttributes basic = Files.readAttributes(jar, BasicFileAttributes.class);
    Object changed;
    try {
      changed = Files.getAttribute(jar, "unix:ctime");
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      changed = "crc32=" + crc32(jar);
    }
    return basic.size() + " " + basic.fileKey() + " " + changed;
  }

  private static String crc32(Path file) throws IOException {
    CRC32 crc = new CRC32();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        crc.update(buffer, 0, n);
      }
    }
    return Long.toHexString(crc.getValue());
  }

  /** A directory per jar (path, as written) and Java runtime (archives are per JVM build). */
  private static Path cacheDir(Path jar) {
    String origin;
    try {
      origin =
          jar.toAbsolutePath()
              + "|"
              + written(jar)
              + "|"
              + System.getProperty("java.home")
              + "|"
              + Runtime.version();
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(origin.getBytes(StandardCharsets.UTF_8));
      return CacheDirs.use("fast-" + HexFormat.of().formatHex(hash, 0, 8));
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot read " + jar, e);
    }
  }
}
