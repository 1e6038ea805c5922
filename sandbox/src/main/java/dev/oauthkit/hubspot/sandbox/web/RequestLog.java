package dev.oauthkit.hubspot.sandbox.web;

import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the one line per request off the request thread: the request thread queues the raw facts
 * (no formatting, no hashing) and one daemon thread makes each path safe ({@link LogPaths}) and
 * logs it. No line is ever dropped: when the queue is full the request thread writes its own line,
 * and the queue is drained at JVM shutdown. A {@code kill -9} may lose the last few lines.
 *
 * <p>Why: under load the synchronous console appender (its lock, the date formatting and one write
 * per line) and the path's SHA-256 were about a tenth of each request's CPU time on the request
 * threads (benchmarks/README.md).
 */
final class RequestLog {

  private static final Logger LOG = LoggerFactory.getLogger("sandbox.request");
  private static final int CAPACITY = 16_384;
  private static final BlockingQueue<Entry> QUEUE = new ArrayBlockingQueue<>(CAPACITY);

  static {
    Thread writer = new Thread(RequestLog::loop, "request-log");
    writer.setDaemon(true);
    writer.start();
    Runtime.getRuntime().addShutdownHook(new Thread(RequestLog::drain, "request-log-drain"));
  }

  private RequestLog() {}

  /**
   * What one line says; the path is still raw and is made safe when the line is written.
   *
   * @param method the HTTP method
   * @param rawPath the request URI without its query, as received
   * @param status the answer's status
   * @param millis how long the answer took
   * @param correlationId the request's correlation id
   * @param bodyFingerprint the fingerprint of a code or refresh token in the body, or null
   */
  record Entry(
      String method,
      String rawPath,
      int status,
      long millis,
      UUID correlationId,
      Object bodyFingerprint) {}

  /** Whether request lines are logged at all. */
  static boolean enabled() {
    return LOG.isInfoEnabled();
  }

  /** Queues a line; writes it at once if the queue is full. */
  static void submit(Entry entry) {
    if (!QUEUE.offer(entry)) {
      write(entry);
    }
  }

  private static void loop() {
    while (true) {
      try {
        write(QUEUE.take());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // a line that cannot be written must not stop the others
      }
    }
  }

  private static void drain() {
    Entry entry;
    while ((entry = QUEUE.poll()) != null) {
      write(entry);
    }
  }

  private static void write(Entry entry) {
    LogPaths.Safe safe = LogPaths.sanitize(entry.rawPath());
    Object fingerprint = safe.fingerprint() != null ? safe.fingerprint() : entry.bodyFingerprint();
    LOG.info(
        "{} {} {} {}ms cid={} fp={}",
        entry.method(),
        safe.path(),
        entry.status(),
        entry.millis(),
        entry.correlationId(),
        fingerprint == null ? "-" : fingerprint);
  }
}
