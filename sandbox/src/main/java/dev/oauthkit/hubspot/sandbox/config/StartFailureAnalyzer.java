package dev.oauthkit.hubspot.sandbox.config;

import dev.oauthkit.hubspot.sandbox.store.StoreException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns the start-up failures a user causes once the flags are right (a data directory that cannot
 * be used, a SQLite file another sandbox holds, a PostgreSQL server that cannot be reached) into
 * Spring Boot's short "APPLICATION FAILED TO START" report: what is wrong and what to do, without a
 * stack trace. Wrong flags never get this far ({@link Flags} refuses them before Spring starts).
 * Anything else is left to Spring Boot, stack trace included. Registered in {@code
 * META-INF/spring.factories}.
 */
public final class StartFailureAnalyzer implements FailureAnalyzer {

  private static final String FLAGS =
      "--help lists the flags; the sandbox README (section \"Start it\") explains them.";

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof StoreException) {
        return new FailureAnalysis(
            messages(t),
            "Give this sandbox a --data-dir of its own, or check --store and, for PostgreSQL,"
                + " --jdbc-url, --db-user and SANDBOX_DB_PASSWORD. "
                + FLAGS,
            t);
      }
      if (t instanceof UncheckedIOException && thrownBy(t, DataDir.class)) {
        return new FailureAnalysis(
            messages(t), "Choose a --data-dir this user can create, read and write. " + FLAGS, t);
      }
    }
    return null;
  }

  /** The message of the failure and of each distinct cause, joined: "a: b: c". */
  private static String messages(Throwable failure) {
    Set<String> parts = new LinkedHashSet<>();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getMessage() != null) {
        parts.add(t.getMessage());
      }
    }
    return String.join(": ", parts);
  }

  private static boolean thrownBy(Throwable t, Class<?>... classes) {
    StackTraceElement[] trace = t.getStackTrace();
    if (trace.length == 0) {
      return false;
    }
    for (Class<?> type : classes) {
      if (trace[0].getClassName().equals(type.getName())) {
        return true;
      }
    }
    return false;
  }
}
