package dev.oauthkit.hubspot.sandbox.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * The JVM options that start the built jar the way {@code sandbox/run.sh} does: Spring's AOT bean
 * definitions, the serial collector and a class-data-sharing archive; and, unlike {@code run.sh},
 * C1 only, as sandbox-junit starts it: a test's sandbox lives seconds and serves hundreds of
 * requests, not millions, so C2's compilations would cost more CPU than they win back. The first
 * start of a JVM per jar extracts it ({@code -Djarmode=tools extract}) and writes the archive in a
 * training run that stops once the context is refreshed, into {@code <jar's folder>/it-cds}; every
 * later start maps it, until the jar's content changes. JVMs that prepare the same jar at once
 * (sandbox-it's and contract-tests' test JVMs share the sandbox module's jar) take turns through a
 * file lock, so it is trained once. A start costs about a third of the CPU of a plain {@code java
 * -jar}, which is most of what the tests that start the jar spend. Any failure here only means a
 * plain {@code java -jar} with the same options.
 */
final class FastStart {

  /** As sandbox-junit's child process. */
  private static final List<String> OPTIONS =
      List.of(
          "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC",
          "-Xmn32m",
          "-Xss512k",
          "-Dspring.aot.enabled=true",
          "-Dspring.backgroundpreinitializer.ignore=true",
          "-Xlog:cds=off",
          "-Xlog:cds+dynamic=off");

  private static final long STEP_SECONDS = 180;
  private static final Map<Path, List<String>> PREPARED = new ConcurrentHashMap<>();

  private FastStart() {}

  /** The command up to the sandbox's own flags: {@code java <options> -jar <jar>}. */
  static List<String> command(Path jar) {
    return PREPARED.computeIfAbsent(jar.toAbsolutePath(), FastStart::prepare);
  }

  private static List<String> prepare(Path jar) {
    Path dir = jar.resolveSibling("it-cds");
    Path app = dir.resolve("app").resolve(jar.getFileName());
    Path archive = dir.resolve("sandbox.jsa");
    List<String> plain = java(jar, List.of("-jar", jar.toString()));
    // Test JVMs of other modules may prepare the same jar at the same time: one trains, the others
    // wait for it and map its archive.
    try (FileChannel channel =
            FileChannel.open(
                jar.resolveSibling("it-cds.lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock held = channel.lock()) {
      if (!isFresh(archive, jar)) {
        deleteTree(dir);
        Files.createDirectories(dir);
        Path partial = dir.resolve("sandbox.jsa.part");
        Path log = dir.resolve("prepare.log");
        boolean made =
            run(
                    jar,
                    log,
                    "-Djarmode=tools",
                    "-jar",
                    jar.toString(),
                    "extract",
                    "--destination",
                    app.getParent().toString())
                && run(
                    jar,
                    log,
                    "-XX:ArchiveClassesAtExit=" + partial,
                    "-Dspring.context.exit=onRefresh",
                    "-jar",
                    app.toString(),
                    "--port=0",
                    "--data-dir=" + dir.resolve("training-data"),
                    "--admin-key=cds-training")
                && Files.isRegularFile(partial)
                && Files.size(partial) > 0;
        if (!made) {
          return plain;
        }
        Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(dir.resolve("jar.stamp"), stamp(jar));
      }
      return java(jar, List.of("-XX:SharedArchiveFile=" + archive, "-jar", app.toString()));
    } catch (IOException e) {
      return plain;
    }
  }

  /**
   * {@code java <options> tail}, with SQLite's native library copied under {@code <jar's
   * folder>/it-sqlite} rather than the temporary directory: the driver deletes its copy when the
   * JVM exits, which a sandbox killed by a test never does, and a build's {@code clean} removes
   * these.
   */
  private static List<String> java(Path jar, List<String> tail) {
    Path sqlite = sqliteDirectory(jar);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(OPTIONS);
    try {
      Files.createDirectories(sqlite);
      command.add("-Dorg.sqlite.tmpdir=" + sqlite);
    } catch (IOException e) {
      // the driver copies it to the temporary directory, as before
    }
    command.addAll(tail);
    return List.copyOf(command);
  }

  /** Where the sandboxes started from {@code jar} copy SQLite's native library. */
  static Path sqliteDirectory(Path jar) {
    return jar.toAbsolutePath().resolveSibling("it-sqlite");
  }

  /** The archive exists and was made from the jar as it is now ({@link #stamp}). */
  private static boolean isFresh(Path archive, Path jar) throws IOException {
    Path made = archive.resolveSibling("jar.stamp");
    return Files.isRegularFile(archive)
        && Files.isRegularFile(made)
        && Files.readString(made).equals(stamp(jar));
  }

  /**
   * The jar's content, its size and CRC-32 (a read of some 35 MB, once per JVM), and the Java
   * runtime that maps the archive (another one would ignore it). Not the jar's modification time: a
   * reproducible build gives every rebuilt jar the same one.
   */
  static String stamp(Path jar) throws IOException {
    CRC32 crc = new CRC32();
    try (InputStream in = new CheckedInputStream(Files.newInputStream(jar), crc)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return Files.size(jar)
        + " "
        + Long.toHexString(crc.getValue())
        + " "
        + System.getProperty("java.home")
        + " "
        + Runtime.version();
  }

  /** Runs {@code java <options> args} to its end, its output appended to {@code log}. */
  private static boolean run(Path jar, Path log, String... args) throws IOException {
    Process process =
        new ProcessBuilder(java(jar, List.of(args)))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    try {
      if (!process.waitFor(STEP_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return false;
      }
      return process.exitValue() == 0;
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(path);
      }
    }
  }
}
