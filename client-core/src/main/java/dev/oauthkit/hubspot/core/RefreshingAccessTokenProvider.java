package dev.oauthkit.hubspot.core;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The {@link AccessTokenProvider} of the clients: refreshes the access token through a {@link
 * TokenEndpoint} when it is about to expire. However many threads ask at once, exactly one refresh
 * is in flight; the others wait for its result. Failures that the {@link RetryPolicy} accepts (IO
 * errors, 429 and 5xx by default) are retried. A refresh token rotated by the server replaces the
 * held one and is passed to the {@link RefreshTokenListener}. Tokens are kept in a {@link
 * TokenStore}: several instances sharing one store take its lease before refreshing, so they make
 * one refresh and use the same token. Thread-safe.
 */
public final class RefreshingAccessTokenProvider implements AccessTokenProvider {

  private static final System.Logger LOG =
      System.getLogger(RefreshingAccessTokenProvider.class.getName());
  private static final Duration LEASE_POLL = Duration.ofMillis(50);

  private final RetryingTokenCall tokenCall;
  private final TokenProviderOptions options;
  private final boolean needsRefreshToken;
  private final TokenStore store;
  private final String owner = UUID.randomUUID().toString();
  private final Object lock = new Object();
  private volatile OAuthCredentials credentials;
  private volatile CachedToken cached;
  private volatile String discarded;
  private CompletableFuture<CachedToken> inFlight; // guarded by lock

  private RefreshingAccessTokenProvider(
      OAuthCredentials credentials,
      TokenEndpoint endpoint,
      TokenProviderOptions options,
      boolean needsRefreshToken) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.tokenCall =
        new RetryingTokenCall(
            Objects.requireNonNull(endpoint, "endpoint"),
            Objects.requireNonNull(options, "options"));
    this.options = options;
    this.needsRefreshToken = needsRefreshToken;
    this.store =
        needsRefreshToken
            ? options.tokenStore().orElseGet(TokenStore::inMemory)
            : TokenStore.inMemory();
  }

  /** See {@link AccessTokenProvider#create}. */
  static RefreshingAccessTokenProvider refreshToken(
      OAuthCredentials credentials, TokenEndpoint endpoint, TokenProviderOptions options) {
    return new RefreshingAccessTokenProvider(credentials, endpoint, options, true);
  }

  /** See {@link AccessTokenProvider#clientCredentials}. */
  static RefreshingAccessTokenProvider clientCredentials(
      OAuthCredentials credentials, TokenEndpoint endpoint, TokenProviderOptions options) {
    return new RefreshingAccessTokenProvider(credentials, endpoint, options, false);
  }

  @Override
  public String accessToken() {
    CachedToken current = cached;
    if (current != null && current.isFreshAt(options.clock().instant())) {
      return current.value;
    }
    return refresh(current == null ? discarded : null).value;
  }

  @Override
  public String refreshAfterUnauthorized(String rejectedToken) {
    Objects.requireNonNull(rejectedToken, "rejectedToken");
    CachedToken current = cached;
    if (current != null && !current.value.equals(rejectedToken)) {
      return current.value;
    }
    return refresh(rejectedToken).value;
  }

  @Override
  public String forceRefresh() {
    CachedToken current = cached;
    return refresh(current == null ? discarded : current.value).value;
  }

  @Override
  public void invalidate() {
    CachedToken current = cached;
    if (current != null) {
      discarded = current.value;
    }
    cached = null;
  }

  /**
   * Installs tokens obtained elsewhere, for example by exchanging an authorization code, in this
   * provider and its store. A new refresh token is passed to the listener first; if the store
   * cannot take the tokens, this instance keeps them (a code can be exchanged only once).
   *
   * @param tokens the tokens to use from now on
   */
  public void install(TokenSet tokens) {
    Objects.requireNonNull(tokens, "tokens");
    synchronized (lock) {
      noteRotation(credentials, tokens);
      TokenState next;
      try {
        TokenState state;
        do {
          state = store.read();
          next = state.withTokens(tokens, options.clock().instant());
        } while (!store.compareAndSet(state, next));
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "the token store could not save the installed tokens ("
                + e.getClass().getName()
                + "); keeping them here");
        next = TokenState.empty().withTokens(tokens, options.clock().instant());
      }
      cached = cachedOf(next);
    }
  }

  /** Returns the credentials in use, holding the latest refresh token. Never log its secrets. */
  public OAuthCredentials credentials() {
    return credentials;
  }

  @Override
  public String toString() {
    CachedToken current = cached;
    return "RefreshingAccessTokenProvider{credentials="
        + credentials
        + ", accessToken="
        + (current == null
            ? "none"
            : Secrets.fingerprint(current.value) + " until " + current.expiresAt)
        + "}";
  }

  /** One refresh in flight in this instance; {@code rejected} is a token never to hand out. */
  private CachedToken refresh(String rejected) {
    CompletableFuture<CachedToken> flight;
    boolean leader = false;
    synchronized (lock) {
      CachedToken current = cached;
      if (current != null
          && !current.value.equals(rejected)
          && current.isFreshAt(options.clock().instant())) {
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
        CachedToken fresh = fromStore(rejected);
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
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /**
   * The store's token when it is fresh (another instance refreshed); otherwise this instance takes
   * the lease and refreshes, or, while another holds it, uses the stored token if still valid or
   * waits for the lease's result.
   */
  private CachedToken fromStore(String rejected) {
    Duration margin = options.refreshMargin();
    while (true) {
      TokenState state = store.read();
      Instant now = options.clock().instant();
      boolean usable = state.validAt(now) && !state.accessToken().orElseThrow().equals(rejected);
      if (usable && now.isBefore(state.refreshAt(margin))) {
        return adopt(state);
      }
      if (state.leasedByOtherAt(owner, now)) {
        if (usable) {
          return adopt(state);
        }
        sleep(LEASE_POLL);
        continue;
      }
      TokenState leased = state.withLease(owner, now.plus(options.storeLease()));
      if (store.compareAndSet(state, leased)) {
        return refreshUnderLease(leased);
      }
    }
  }

  private CachedToken refreshUnderLease(TokenState leased) {
    OAuthCredentials sent = withStoredRefreshToken(leased);
    TokenSet tokens;
    try {
      if (needsRefreshToken && sent.refreshToken().isEmpty()) {
        throw new IllegalStateException(
            "no refresh token: set "
                + OAuthCredentials.REFRESH_TOKEN_VARIABLE
                + " or exchange an authorization code first");
      }
      tokens = tokenCall.call(sent, leased.leaseUntil().orElse(null));
    } catch (RuntimeException | Error e) {
      release(leased);
      throw e;
    }
    // The server answered: its tokens reach this instance and the listener first, whatever the
    // store does next (a refresh token it rotated cannot be sent again).
    noteRotation(sent, tokens);
    TokenState next = leased.withTokens(tokens, options.clock().instant());
    try {
      if (!store.compareAndSet(leased, next)) {
        LOG.log(
            Level.WARNING,
            "the token store changed while this instance held its refresh lease; is storeLease"
                + " shorter than a refresh? Keeping the new token here");
      }
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "the token store could not save the refreshed tokens ("
              + e.getClass().getName()
              + "); keeping them here");
      release(leased);
    }
    return cachedOf(next);
  }

  /** Uses the store's refresh token, the latest any instance got, in place of the held one. */
  private OAuthCredentials withStoredRefreshToken(TokenState state) {
    OAuthCredentials current = credentials;
    Optional<String> stored = state.refreshToken();
    if (needsRefreshToken && stored.isPresent() && !stored.equals(current.refreshToken())) {
      current = current.withRefreshToken(stored.get());
      credentials = current;
    }
    return current;
  }

  private CachedToken adopt(TokenState state) {
    withStoredRefreshToken(state);
    return cachedOf(state);
  }

  private void release(TokenState leased) {
    try {
      store.compareAndSet(leased, leased.withoutLease());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not release the token store lease: " + e.getClass().getName());
    }
  }

  /** Takes a refresh token the server rotated, logs both fingerprints and tells the listener. */
  private void noteRotation(OAuthCredentials current, TokenSet tokens) {
    Optional<String> returned = tokens.refreshToken();
    if (!needsRefreshToken || returned.isEmpty() || returned.equals(current.refreshToken())) {
      return;
    }
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
      LOG.log(Level.DEBUG, () -> "refresh token received: " + Secrets.fingerprint(returned.get()));
    }
    try {
      options.refreshTokenListener().onRefreshTokenRotated(rotated);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "refresh token listener failed: " + e.getClass().getName());
    }
  }

  private CachedToken cachedOf(TokenState state) {
    return new CachedToken(
        state.accessToken().orElseThrow(),
        state.expiresAt().orElseThrow(),
        state.refreshAt(options.refreshMargin()));
  }

  private void sleep(Duration delay) {
    try {
      options.sleeper().sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to refresh the token", e);
    }
  }

  private record CachedToken(String value, Instant expiresAt, Instant refreshAt) {
    boolean isFreshAt(Instant now) {
      return now.isBefore(refreshAt);
    }

    @Override
    public String toString() {
      return "CachedToken{" + Secrets.fingerprint(value) + " until " + expiresAt + "}";
    }
  }
}
