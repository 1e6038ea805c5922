package dev.oauthkit.hubspot.sandbox.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The built sandbox jar running as a child process on a free port of 127.0.0.1. */
public final class SandboxProcess implements AutoCloseable {

  public static final String ADMIN_KEY = "it-admin-key";
  private static final Pattern URL_LINE =
      Pattern.compile("(?m)^  URL: +http://127\\.0\\.0\\.1:(\\d+)$");
  private static final long START_TIMEOUT_MILLIS = 60_000;

  private final Process process;
  private final Path log;
  private final int port;

  private SandboxProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * Starts {@code java <run.sh's options> -jar <sandbox.jar> --port=0 --data-dir=<dataDir> ...}
   * ({@link FastStart}), writing its output to a new {@code log}, and waits (at most a minute) for
   * the URL it prints.
   */
  public static SandboxProcess start(Path dataDir, Path log, String... flags) throws IOException {
    return start(dataDir, log, Map.of(), flags);
  }

  /**
   * Where the sandboxes started here copy SQLite's native library ({@code it-sqlite} beside {@code
   * sandbox.jar}), not the temporary directory, which a killed sandbox would leave it in.
   */
  public static Path sqliteCopies() {
    return FastStart.sqliteDirectory(Path.of(System.getProperty("sandbox.jar")));
  }

  /** Like {@link #start(Path, Path, String...)}, with variables added to the environment. */
  public static SandboxProcess start(
      Path dataDir, Path log, Map<String, String> environment, String... flags) throws IOException {
    String jar = System.getProperty("sandbox.jar");
    if (jar == null || !Files.exists(Path.of(jar))) {
      throw new IllegalStateException("sandbox.jar must name the built jar, got " + jar);
    }
    // As sandbox/run.sh starts it (AOT bean definitions, its JIT and GC options, a CDS archive).
    List<String> command = new ArrayList<>(FastStart.command(Path.of(jar)));
    command.addAll(List.of("--port=0", "--data-dir=" + dataDir, "--admin-key=" + ADMIN_KEY));
    command.addAll(List.of(flags));
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    builder.environment().putAll(environment);
    Process process = builder.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
      while (System.nanoTime() < deadline && process.isAlive()) {
        Matcher matcher = URL_LINE.matcher(Files.readString(log, StandardCharsets.UTF_8));
        if (matcher.find()) {
          return new SandboxProcess(process, log, Integer.parseInt(matcher.group(1)));
        }
        sleep(50);
      }
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly(); // a log that cannot be read, an interrupt: no sandbox left behind
      throw e;
    }
    process.destroyForcibly();
    throw new IllegalStateException("the sandbox did not start; see " + log);
  }

  public int port() {
    return port;
  }

  public SandboxHttp http() {
    return SandboxHttp.on(port, ADMIN_KEY);
  }

  public String logText() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code kill -9}: no shutdown hook, no flush, no checkpoint. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, without waiting for the process to end ({@link #awaitExit}). */
  public void terminate() {
    process.destroy();
  }

  /** Waits at most {@code seconds} for the process to end; its exit status, or -1 if still up. */
  public int awaitExit(long seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
  }

  /** A graceful stop (SIGTERM). */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
