package dev.oauthkit.hubspot.sandbox.junit;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's child process ({@code java -jar hubspot-oauth-sandbox.jar --port=0 ...}): started,
 * watched for the URL line it prints (it is ready then), and stopped. Its output goes to {@code
 * sandbox.log} in a temporary directory that also holds its data directory; both are deleted when
 * it stops. A shutdown hook stops it if the JVM ends first.
 */
final class SandboxProcess implements AutoCloseable {

  private static final Pattern URL_LINE = Pattern.compile("^  URL: +(http://\\S+)$");

  /**
   * Start-up first: C1 only, the serial collector with a 32 MB young generation (fewer fresh pages
   * touched than the default's hundred-odd MB; a few short collections), the bean definitions AOT
   * wrote, and no background pre-initialisation (a second thread that warms Jackson, message
   * converters, Tomcat and charsets while the main thread builds most of them anyway: CPU the test
   * JVM beside it wants). Measured in benchmarks/README.md, "Where start-up time goes".
   */
  private static final List<String> JVM_OPTIONS =
      List.of(
          "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC",
          "-Xmn32m",
          "-Xss512k",
          "-Dspring.aot.enabled=true",
          "-Dspring.backgroundpreinitializer.ignore=true");

  private final Process process;
  private final FastStart.Launch launch;
  private final Path home;
  private final String adminKey;
  private final CompletableFuture<String> url;
  private final Thread shutdownHook;
  private final long launchedNanos;
  private boolean closed;

  private SandboxProcess(
      Process process,
      FastStart.Launch launch,
      Path home,
      String adminKey,
      CompletableFuture<String> url,
      long launchedNanos) {
    this.process = process;
    this.launchedNanos = launchedNanos;
    this.launch = launch;
    this.home = home;
    this.adminKey = adminKey;
    this.url = url;
    this.shutdownHook = new Thread(this::killAtExit, "hubspot-sandbox-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts a sandbox and returns at once; {@link #awaitUrl} waits for it. A shutdown hook stops it
   * from now on, also if nobody waits for it.
   */
  static SandboxProcess launch(SandboxSettings settings) {
    return launch(settings, Preparation.take(settings), System.nanoTime());
  }

  /**
   * As {@link #launch(SandboxSettings)}, with what was prepared for it, for a launch that was asked
   * for at {@code launched} ({@link System#nanoTime()}) on another thread: the early start's,
   * during discovery.
   */
  static SandboxProcess launch(SandboxSettings settings, Preparation preparation, long launched) {
    Path jar = preparation.jar();
    FastStart.Launch launch = preparation.launch();
    String adminKey = preparation.adminKey();
    Path home;
    Process process;
    try {
      home = Files.createTempDirectory("hubspot-sandbox-");
      List<String> command = new ArrayList<>();
      command.add(FastStart.java());
      command.addAll(JVM_OPTIONS);
      command.addAll(launch.args());
      command.addAll(List.of("--port=0", "--data-dir=" + home.resolve("data")));
      command.addAll(settings.flags());
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().putAll(settings.environment(adminKey));
      process = builder.start();
      AdminClient.warmUpInBackground(); // while the child boots, not before it is spawned
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the sandbox from " + jar, e);
    }
    CompletableFuture<String> url = new CompletableFuture<>();
    SandboxProcess sandbox = new SandboxProcess(process, launch, home, adminKey, url, launched);
    Thread pump =
        new Thread(() -> pump(process, home.resolve("sandbox.log"), url), "hubspot-sandbox-log");
    pump.setDaemon(true);
    pump.start();
    return sandbox;
  }

  /**
   * Waits until the sandbox printed its URL (it is ready then), at most the settings' start
   * timeout; stops it and throws with its last lines if it did not.
   */
  SandboxProcess awaitUrl(SandboxSettings settings) {
    try {
      url.get(settings.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
      return this;
    } catch (TimeoutException | ExecutionException | RuntimeException e) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "the sandbox did not start within "
              + settings.startTimeout()
              + " ("
              + settings
              + "); its last lines:\n"
              + tail(home.resolve("sandbox.log")),
          e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the sandbox started", e);
    }
  }

  /** The admin key it was started with. */
  String adminKey() {
    return adminKey;
  }

  /** The URL the sandbox printed, e.g. {@code http://127.0.0.1:41234}. */
  String baseUrl() {
    return url.join();
  }

  /**
   * When its launch began (before the jar was found and prepared), by {@link System#nanoTime()}
   * (for tests of the early start).
   */
  long launchedNanos() {
    return launchedNanos;
  }

  /** How the process was started (for tests of the fast start). */
  FastStart.Launch launch() {
    return launch;
  }

  synchronized boolean closed() {
    return closed;
  }

  /**
   * Stops the process (SIGTERM, then SIGKILL after 30 s, or after 120 s for the first sandbox of a
   * jar, which writes its class-data archive or AOT configuration on the way out: seconds of work,
   * minutes on a loaded CI machine), makes the archive from what it left, and deletes its
   * directory.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    process.destroy();
    boolean stopped = false;
    try {
      stopped = process.waitFor(launch.pendingArchive() == null ? 30 : 120, TimeUnit.SECONDS);
      if (!stopped) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    if (stopped && stoppedCleanly(process.exitValue())) {
      launch.publish(JVM_OPTIONS);
    } else {
      launch.discard(); // killed: what it was writing may be cut short
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down
    }
    CacheDirs.delete(home);
  }

  /**
   * Whether an exit code is a JVM's after it finished: 0, or 143 after SIGTERM ran its shutdown
   * hooks (128 + 15); not 137 (SIGKILL) nor any other.
   */
  static boolean stoppedCleanly(int exitCode) {
    return exitCode == 0 || exitCode == 143;
  }

  /** The JVM exits without {@link #close}: kill the sandbox and delete its directory. */
  private void killAtExit() {
    try {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    CacheDirs.delete(home);
  }

  /** Copies the process's output to the log and completes {@code url} from the URL line. */
  private static void pump(Process process, Path log, CompletableFuture<String> url) {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        out.write(line);
        out.newLine();
        if (!url.isDone()) {
          Matcher matcher = URL_LINE.matcher(line);
          if (matcher.matches()) {
            out.flush();
            url.complete(matcher.group(1));
          }
        } else {
          out.flush();
        }
      }
    } catch (IOException e) {
      url.completeExceptionally(e);
    }
    url.completeExceptionally(new IllegalStateException("the sandbox exited"));
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
