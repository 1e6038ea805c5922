package dev.oauthkit.hubspot.sandbox.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.NestedClassSelector;
import org.junit.platform.engine.discovery.NestedMethodSelector;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the first sandbox while JUnit is still discovering the tests, so that it boots alongside
 * the discovery instead of after it. Registered with the JUnit Platform through {@code
 * META-INF/services}: when discovery starts, the first selected class (class or method selectors)
 * that uses the sandbox ({@link HubSpotSandboxTest}, or a static {@link HubSpotSandboxExtension}
 * field, taken as the builder's defaults) gets a sandbox launched on a background thread; what the
 * launch needs (the jar, its class-data archive, an admin key) is looked up when the launcher
 * session opens, while JUnit still sets up discovery ({@code Preparation}). The extension adopts it
 * if its settings are equal; one not adopted when the launcher session closes is stopped {@link
 * #ADOPTION_GRACE} later, on a daemon thread (a runner that discovers in one session and executes
 * in the next, as JUnit's {@code LauncherFactory.create()} launcher does, adopts it in the second).
 * Off with the configuration parameter {@value #PARAMETER}{@code =false}.
 */
public final class EarlyStart implements LauncherDiscoveryListener, LauncherSessionListener {

  /** The configuration parameter that turns the early start off ({@code false}). */
  public static final String PARAMETER = "hubspot.sandbox.early-start";

  /** How long a sandbox no class adopted outlives the session that started it. */
  static final Duration ADOPTION_GRACE = Duration.ofSeconds(2);

  /** Stops the sandboxes no class adopted, off the runner's thread. */
  private static final ScheduledExecutorService STOPPER =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "hubspot-sandbox-early-stop");
            thread.setDaemon(true);
            return thread;
          });

  /** Sandboxes started early and not yet adopted. */
  private static final Set<Pending> PENDING = ConcurrentHashMap.newKeySet();

  /** How many launcher sessions are open on this thread (a test may run a launcher inside one). */
  private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

  /** Loaded by the JUnit Platform's {@link java.util.ServiceLoader}. */
  public EarlyStart() {}

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    DEPTH.set(DEPTH.get() + 1);
    Preparation.aheadInBackground();
  }

  /**
   * Stops the sandboxes this session started early that no class adopted, unless one is adopted
   * within {@link #ADOPTION_GRACE}.
   */
  @Override
  public void launcherSessionClosed(LauncherSession session) {
    int depth = DEPTH.get();
    DEPTH.set(Math.max(0, depth - 1));
    for (Pending pending : PENDING) {
      if (pending.thread() == Thread.currentThread() && pending.depth() >= depth) {
        STOPPER.schedule(
            () -> {
              if (PENDING.remove(pending)) {
                pending.process().thenAccept(SandboxProcess::close);
              }
            },
            ADOPTION_GRACE.toMillis(),
            TimeUnit.MILLISECONDS);
      }
    }
  }

  @Override
  public void launcherDiscoveryStarted(LauncherDiscoveryRequest request) {
    startFor(request);
  }

  /**
   * Launches a sandbox for the first selected class that uses one, unless the request turns the
   * early start off; the launch, if any.
   */
  Optional<CompletableFuture<SandboxProcess>> startFor(LauncherDiscoveryRequest request) {
    if (!request.getConfigurationParameters().getBoolean(PARAMETER).orElse(true)) {
      return Optional.empty();
    }
    return Stream.of(
            ClassSelector.class,
            MethodSelector.class,
            NestedClassSelector.class,
            NestedMethodSelector.class)
        .flatMap(type -> request.getSelectorsByType(type).stream())
        .map(EarlyStart::selectedClass)
        .flatMap(Optional::stream)
        .map(EarlyStart::settingsOf)
        .flatMap(Optional::stream)
        .findFirst()
        .map(EarlyStart::launch);
  }

  /**
   * A sandbox started early with exactly these settings, launched but maybe not yet ready; each is
   * taken once.
   */
  static Optional<SandboxProcess> take(SandboxSettings settings) {
    for (Pending pending : PENDING) {
      if (pending.settings().equals(settings) && PENDING.remove(pending)) {
        try {
          return Optional.of(pending.process().join());
        } catch (RuntimeException e) {
          return Optional.empty(); // the extension starts one itself and reports what goes wrong
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The settings a class asks for: those of its (or an enclosing class's) {@link
   * HubSpotSandboxTest}, or the defaults for a static {@link HubSpotSandboxExtension} field; empty
   * when it does not use the sandbox.
   */
  static Optional<SandboxSettings> settingsOf(Class<?> testClass) {
    Optional<SandboxSettings> annotated = SandboxSettings.fromAnnotation(testClass);
    if (annotated.isPresent()) {
      return annotated;
    }
    for (Class<?> type = testClass; type != null && type != Object.class; ) {
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())
            && field.getType() == HubSpotSandboxExtension.class) {
          return Optional.of(SandboxSettings.defaults());
        }
      }
      type = type.getSuperclass();
    }
    return Optional.empty();
  }

  /** Launches a sandbox with these settings, unless one is already waiting for a class. */
  private static CompletableFuture<SandboxProcess> launch(SandboxSettings settings) {
    for (Pending pending : PENDING) {
      if (pending.settings().equals(settings)) {
        return pending.process(); // discovered again (a runner may discover more than once)
      }
    }
    long asked = System.nanoTime();
    CompletableFuture<SandboxProcess> process = new CompletableFuture<>();
    PENDING.add(new Pending(settings, process, Thread.currentThread(), DEPTH.get()));
    Thread starter =
        new Thread(
            () -> {
              try {
                process.complete(
                    SandboxProcess.launch(settings, Preparation.take(settings), asked));
              } catch (RuntimeException | Error e) {
                process.completeExceptionally(e);
              }
            },
            "hubspot-sandbox-early-start");
    starter.setDaemon(true);
    starter.start();
    return process;
  }

  private static Optional<Class<?>> selectedClass(DiscoverySelector selector) {
    try {
      if (selector instanceof ClassSelector c) {
        return Optional.of(c.getJavaClass());
      }
      if (selector instanceof MethodSelector m) {
        return Optional.of(m.getJavaClass());
      }
      if (selector instanceof NestedClassSelector n) {
        return Optional.of(n.getNestedClass());
      }
      if (selector instanceof NestedMethodSelector n) {
        return Optional.of(n.getNestedClass());
      }
    } catch (RuntimeException | LinkageError e) {
      // a class that cannot be loaded: JUnit reports it; no early start for it
    }
    return Optional.empty();
  }

  /** A launch under way or done, by a session on this thread at this depth. */
  private record Pending(
      SandboxSettings settings,
      CompletableFuture<SandboxProcess> process,
      Thread thread,
      int depth) {}
}
