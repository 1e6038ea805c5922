package dev.oauthkit.hubspot.sandbox.testing;

import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Threads that create a code and exchange it, over and over, until {@link #stop}: the write load of
 * the store-fault ITs. Every call is recorded with when it started and how long it took, and every
 * access token answered 200 is kept, to check afterwards that none was lost.
 */
public final class ExchangeLoad implements AutoCloseable {

  private static final String REDIRECT = "http://localhost:3000/oauth-callback";

  private final SandboxHttp http;
  private final String clientId;
  private final String secret;
  private final ExecutorService pool;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
  private final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();

  /**
   * One call.
   *
   * @param kind {@code code} (the admin call) or {@code exchange}
   * @param status its status
   * @param startedNanos when it started ({@link System#nanoTime})
   * @param millis how long it took
   * @param retryAfter its {@code Retry-After} header, or null
   */
  public record Call(String kind, int status, long startedNanos, long millis, String retryAfter) {}

  private ExchangeLoad(SandboxHttp http, String clientId, String secret, int threads) {
    this.http = http;
    this.clientId = clientId;
    this.secret = secret;
    this.pool = Executors.newFixedThreadPool(threads);
  }

  /** Creates an app and starts {@code threads} threads of code exchanges on it. */
  public static ExchangeLoad start(SandboxHttp http, int threads) {
    Answer app = http.createApp(REDIRECT);
    if (app.status() != 201) {
      throw new IllegalStateException("cannot create an app: " + app.status());
    }
    ExchangeLoad load =
        new ExchangeLoad(http, app.text("client_id"), app.text("client_secret"), threads);
    for (int i = 0; i < threads; i++) {
      load.pool.submit(load::loop);
    }
    return load;
  }

  /** The calls made so far. */
  public List<Call> calls() {
    return new ArrayList<>(calls);
  }

  /** The calls that started after {@code fromNanos} and before {@code toNanos}. */
  public List<Call> callsBetween(long fromNanos, long toNanos) {
    return calls.stream()
        .filter(c -> c.startedNanos() - fromNanos >= 0 && toNanos - c.startedNanos() > 0)
        .toList();
  }

  /** Every access token answered 200 so far. */
  public List<String> acknowledged() {
    return new ArrayList<>(acknowledged);
  }

  /** Stops the threads and waits for their last calls. */
  public void stop() throws InterruptedException {
    stopped.set(true);
    pool.shutdown();
    if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the load did not stop within 60 s");
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (!stopped.get()) {
      stop();
    }
  }

  private void loop() {
    while (!stopped.get()) {
      try {
        Answer code = timed("code", () -> http.createCode(clientId, REDIRECT));
        if (code.status() != 201) {
          continue;
        }
        Answer tokens =
            timed("exchange", () -> http.exchange(clientId, secret, REDIRECT, code.text("code")));
        if (tokens.status() == 200) {
          acknowledged.add(tokens.text("access_token"));
        }
      } catch (RuntimeException e) {
        calls.add(new Call("error", -1, System.nanoTime(), 0, null));
      }
    }
  }

  private Answer timed(String kind, java.util.function.Supplier<Answer> call) {
    long start = System.nanoTime();
    Answer answer = call.get();
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    calls.add(new Call(kind, answer.status(), start, millis, answer.header("Retry-After")));
    return answer;
  }
}
