package dev.oauthkit.hubspot.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Hands out a valid access token, refreshing it through a {@link TokenEndpoint} when it is about to
 * expire. However many threads ask at once, exactly one refresh is in flight; the others wait for
 * its result. IO errors, 429 and 5xx are retried per the {@link RetryPolicy}; 400, 401 and other
 * 4xx never are. A refresh token rotated by the server replaces the held one and is passed to the
 * {@link RefreshTokenListener}. Thread-safe.
 */
public final class AccessTokenProvider {

  private static final System.Logger LOG = System.getLogger(AccessTokenProvider.class.getName());

  private final TokenEndpoint endpoint;
  private final TokenProviderOptions options;
  private final boolean needsRefreshToken;
  private final Object lock = new Object();
  private volatile OAuthCredentials credentials;
  private volatile CachedToken cached;
  private CompletableFuture<CachedToken> inFlight; // guarded by lock

  private AccessTokenProvider(
      OAuthCredentials credentials,
      TokenEndpoint endpoint,
      TokenProviderOptions options,
      boolean needsRefreshToken) {
    this.needsRefreshToken = needsRefreshToken;
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Creates a provider. No request is made until a token is first asked for.
   *
   * @param credentials client credentials, normally with a refresh token
   * @param endpoint the stack's refresh call
   * @param options clock, sleeper, margin, retry policy and listener
   * @return the provider
   */
  public static AccessTokenProvider create(
      OAuthCredentials credentials, TokenEndpoint endpoint, TokenProviderOptions options) {
    return new AccessTokenProvider(credentials, endpoint, options, true);
  }

  /**
   * Creates a provider for the client-credentials grant: no refresh token is needed or kept; the
   * endpoint asks for a new access token, before the held one expires (the same refresh margin),
   * with one request in flight and the same retries. No request is made until a token is first
   * asked for.
   *
   * @param credentials client ID and secret
   * @param endpoint the stack's client-credentials call, with its scopes
   * @param options clock, sleeper, margin and retry policy (the listener is never called)
   * @return the provider
   */
  public static AccessTokenProvider clientCredentials(
      OAuthCredentials credentials, TokenEndpoint endpoint, TokenProviderOptions options) {
    return new AccessTokenProvider(credentials, endpoint, options, false);
  }

  /**
   * Returns a valid access token, refreshing first when none is held or it expires within the
   * refresh margin.
   *
   * @return the access token
   * @throws HubSpotOAuthException when the refresh was answered with an error
   * @throws UncheckedIOException when every attempt failed with an IO error
   * @throws IllegalStateException when there is no refresh token
   */
  public String accessToken() {
    CachedToken current = cached;
    if (current != null && current.isFreshAt(options.clock().instant())) {
      return current.value;
    }
    return refresh(current).value;
  }

  /**
   * Refreshes because a server rejected {@code rejectedToken} with 401; if another thread already
   * replaced that token, returns the replacement without a new refresh.
   *
   * @param rejectedToken the access token that was rejected
   * @return a different, newly refreshed access token
   */
  public String refreshAfterUnauthorized(String rejectedToken) {
    Objects.requireNonNull(rejectedToken, "rejectedToken");
    CachedToken current = cached;
    if (current != null && !current.value.equals(rejectedToken)) {
      return current.value;
    }
    return refresh(current).value;
  }

  /** Drops the cached access token and refreshes now. */
  public String forceRefresh() {
    return refresh(cached).value;
  }

  /** Drops the cached access token; the next {@link #accessToken()} refreshes. */
  public void invalidate() {
    cached = null;
  }

  /**
   * Installs tokens obtained elsewhere, for example by exchanging an authorization code. A new
   * refresh token is passed to the listener.
   *
   * @param tokens the tokens to use from now on
   */
  public void install(TokenSet tokens) {
    Objects.requireNonNull(tokens, "tokens");
    synchronized (lock) {
      cached = accept(tokens);
    }
  }

  /** Returns the credentials in use, holding the latest refresh token. Never log its secrets. */
  public OAuthCredentials credentials() {
    return credentials;
  }

  @Override
  public String toString() {
    CachedToken current = cached;
    return "AccessTokenProvider{credentials="
        + credentials
        + ", accessToken="
        + (current == null
            ? "none"
            : Secrets.fingerprint(current.value) + " until " + current.expiresAt)
        + "}";
  }

  private CachedToken refresh(CachedToken stale) {
    CompletableFuture<CachedToken> flight;
    boolean leader = false;
    synchronized (lock) {
      CachedToken current = cached;
      if (current != null && current != stale && current.isFreshAt(options.clock().instant())) {
        return current;
      }
      if (inFlight == null) {
        inFlight = new CompletableFuture<>();
        leader = true;
      }
      flight = inFlight;
    }
    if (leader) {
      try {
        CachedToken fresh = refreshWithRetries();
        synchronized (lock) {
          cached = fresh;
          inFlight = null;
        }
        flight.complete(fresh);
      } catch (RuntimeException | Error e) {
        synchronized (lock) {
          inFlight = null;
        }
        flight.completeExceptionally(e);
      }
    }
    try {
      return flight.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      if (e.getCause() instanceof Error) {
        throw (Error) e.getCause();
      }
      throw e;
    }
  }

  private CachedToken refreshWithRetries() {
    OAuthCredentials current = credentials;
    if (needsRefreshToken && current.refreshToken().isEmpty()) {
      throw new IllegalStateException(
          "no refresh token: set "
              + OAuthCredentials.REFRESH_TOKEN_VARIABLE
              + " or exchange an authorization code first");
    }
    RetryPolicy policy = options.retryPolicy();
    for (int attempt = 1; ; attempt++) {
      Optional<Duration> delay;
      String failure;
      try {
        TokenSet tokens = endpoint.refresh(current);
        LOG.log(Level.DEBUG, () -> "access token refreshed: " + tokens);
        return accept(tokens);
      } catch (HubSpotOAuthException e) {
        if (!policy.shouldRetry(e)) {
          throw e;
        }
        delay = policy.nextDelay(attempt, e.retryAfter().orElse(null));
        failure = "HTTP " + e.httpStatus();
        if (delay.isEmpty()) {
          throw e;
        }
      } catch (IOException e) {
        delay = policy.shouldRetry(e) ? policy.nextDelay(attempt, null) : Optional.empty();
        failure = e.getClass().getSimpleName();
        if (delay.isEmpty()) {
          throw new UncheckedIOException(
              "token refresh failed after " + attempt + " attempt(s): " + failure, e);
        }
      }
      LOG.log(
          Level.WARNING,
          "token refresh attempt "
              + attempt
              + " failed ("
              + failure
              + "), retrying in "
              + delay.get());
      sleep(delay.get());
    }
  }

  private CachedToken accept(TokenSet tokens) {
    OAuthCredentials current = credentials;
    Optional<String> returned = tokens.refreshToken();
    if (needsRefreshToken && returned.isPresent() && !returned.equals(current.refreshToken())) {
      OAuthCredentials rotated = current.withRefreshToken(returned.get());
      credentials = rotated;
      if (current.refreshToken().isPresent()) {
        LOG.log(
            Level.INFO,
            "refresh token rotated: "
                + Secrets.fingerprint(current.refreshToken().get())
                + " -> "
                + Secrets.fingerprint(returned.get()));
      } else {
        LOG.log(
            Level.DEBUG, () -> "refresh token received: " + Secrets.fingerprint(returned.get()));
      }
      try {
        options.refreshTokenListener().onRefreshTokenRotated(rotated);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "refresh token listener failed: " + e.getClass().getName());
      }
    }
    Instant now = options.clock().instant();
    Duration margin = options.refreshMargin();
    Duration lifetime = tokens.expiresIn();
    Duration effectiveMargin =
        margin.compareTo(lifetime.dividedBy(2)) > 0 ? lifetime.dividedBy(2) : margin;
    return new CachedToken(
        tokens.accessToken(), now.plus(lifetime), now.plus(lifetime).minus(effectiveMargin));
  }

  private void sleep(Duration delay) {
    try {
      options.sleeper().sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry the token refresh", e);
    }
  }

  private static final class CachedToken {
    final String value;
    final Instant expiresAt;
    final Instant refreshAt;

    CachedToken(String value, Instant expiresAt, Instant refreshAt) {
      this.value = value;
      this.expiresAt = expiresAt;
      this.refreshAt = refreshAt;
    }

    boolean isFreshAt(Instant now) {
      return now.isBefore(refreshAt);
    }
  }
}
