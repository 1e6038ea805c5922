package dev.oauthkit.hubspot.benchmarks;

import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.TokenProviderOptions;
import dev.oauthkit.hubspot.core.TokenSet;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link AccessTokenProvider#accessToken()} with a fresh cached token: the path every API call
 * takes (a volatile read and a clock check), alone and with two threads asking at once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class TokenProviderBenchmark {

  private final AtomicInteger refreshes = new AtomicInteger();
  private AccessTokenProvider provider;

  @Setup(Level.Trial)
  public void start() {
    provider =
        AccessTokenProvider.create(
            OAuthCredentials.of("bench-client", "bench-secret", "bench-rt"),
            credentials -> {
              refreshes.incrementAndGet();
              return TokenSet.of("bench-access-token", Duration.ofHours(6), null);
            },
            TokenProviderOptions.defaults());
    provider.accessToken();
  }

  @TearDown(Level.Trial)
  public void check() {
    if (refreshes.get() != 1) {
      throw new IllegalStateException("expected one refresh, saw " + refreshes.get());
    }
  }

  /** One thread asking for the cached token. */
  @Benchmark
  public String cachedAccessToken() {
    return provider.accessToken();
  }

  /** Two threads asking for the cached token at once (no lock on this path). */
  @Benchmark
  @Threads(2)
  public String cachedAccessTokenTwoThreads() {
    return provider.accessToken();
  }
}
