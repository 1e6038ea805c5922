package dev.oauthkit.hubspot.sandbox.junit;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a sandbox start needs before its process is spawned: the jar, its fast-start arguments and
 * an admin key. {@link EarlyStart} has one made for the embedded jar when a launcher session opens,
 * on a daemon thread, while JUnit is still setting up discovery; the first launch takes it, so that
 * the child is spawned as soon as discovery names a class that uses the sandbox.
 *
 * @param jar the sandbox jar
 * @param launch the JVM arguments up to the sandbox's flags
 * @param adminKey the admin key the child gets
 */
record Preparation(Path jar, FastStart.Launch launch, String adminKey) {

  private static final AtomicReference<CompletableFuture<Optional<Preparation>>> AHEAD =
      new AtomicReference<>();
  private static final CompletableFuture<Optional<Preparation>> TAKEN =
      CompletableFuture.completedFuture(Optional.empty());

  /** Finds the jar these settings name (the embedded one: copied and extracted if need be). */
  static Preparation of(SandboxSettings settings) {
    Path jar = settings.jar() != null ? settings.jar() : SandboxJar.locate();
    return new Preparation(jar, FastStart.prepare(jar), randomHex(16));
  }

  /**
   * Prepares the embedded jar's launch on a daemon thread, once per JVM, if an earlier run already
   * copied and extracted it; otherwise the first launch does that, so that a run whose tests do not
   * use the sandbox never spends seconds on it.
   */
  static void aheadInBackground() {
    CompletableFuture<Optional<Preparation>> ahead = new CompletableFuture<>();
    if (!AHEAD.compareAndSet(null, ahead)) {
      return;
    }
    Thread thread =
        new Thread(
            () -> {
              try {
                ahead.complete(
                    SandboxJar.locateIfCopied()
                        .flatMap(
                            jar ->
                                FastStart.prepareIfExtracted(jar)
                                    .map(launch -> new Preparation(jar, launch, randomHex(16)))));
              } catch (RuntimeException e) {
                ahead.complete(Optional.empty()); // the first launch prepares, and reports
              }
            },
            "hubspot-sandbox-prepare");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The preparation made ahead, for the first launch of the embedded jar (taken once); otherwise
   * one made now.
   */
  static Preparation take(SandboxSettings settings) {
    if (settings.jar() == null) {
      CompletableFuture<Optional<Preparation>> ahead = AHEAD.getAndSet(TAKEN);
      Optional<Preparation> made = ahead == null ? Optional.empty() : ahead.join();
      if (made.isPresent()) {
        return made.get();
      }
    }
    return of(settings);
  }

  /** Names the jar and the launch, never the admin key. */
  @Override
  public String toString() {
    return "Preparation[jar=" + jar + ", launch=" + launch + "]";
  }

  /** An admin key: {@code bytes} random bytes, in hex. */
  static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
