package dev.oauthkit.hubspot.core;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of an {@link AccessTokenProvider}: clock, sleeper, refresh margin, retry policy,
 * rotation listener, and the token store shared by several instances with its lease. The defaults
 * suit production; tests inject a clock and a sleeper.
 */
public final class TokenProviderOptions {

  /**
   * Default refresh margin: 60 s. HubSpot access tokens live 30 minutes, so a token is refreshed
   * after about 29; a minute covers clock skew and a slow request.
   */
  public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofSeconds(60);

  /**
   * Default store lease: 5 minutes. Its holder never starts a retry after the lease ends (another
   * instance may have taken it by then): with the default policy (4 attempts, a Retry-After of up
   * to 120 s honoured) a last retry that would start later is not made, and its failure is thrown.
   */
  public static final Duration DEFAULT_STORE_LEASE = Duration.ofMinutes(5);

  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration refreshMargin;
  private final RetryPolicy retryPolicy;
  private final RefreshTokenListener refreshTokenListener;
  private final TokenStore tokenStore;
  private final Duration storeLease;

  private TokenProviderOptions(Builder b) {
    this.tokenStore = b.tokenStore;
    this.storeLease = b.storeLease;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.refreshMargin = b.refreshMargin;
    this.retryPolicy = b.retryPolicy;
    this.refreshTokenListener = b.refreshTokenListener;
  }

  /** Returns the defaults. */
  public static TokenProviderOptions defaults() {
    return builder().build();
  }

  /** Starts a builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the clock that decides expiry. */
  public Clock clock() {
    return clock;
  }

  /** Returns the sleeper used between retries. */
  public Sleeper sleeper() {
    return sleeper;
  }

  /** Returns how long before expiry a token is refreshed. */
  public Duration refreshMargin() {
    return refreshMargin;
  }

  /** Returns the retry policy of the refresh call. */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** Returns the listener told about rotated refresh tokens. */
  public RefreshTokenListener refreshTokenListener() {
    return refreshTokenListener;
  }

  /**
   * Returns the store shared by the instances of an app, if one was set; without it each
   * refresh-token provider keeps its tokens in its own {@link TokenStore#inMemory()}.
   */
  public Optional<TokenStore> tokenStore() {
    return Optional.ofNullable(tokenStore);
  }

  /** Returns how long an instance may hold the store's refresh lease before others take over. */
  public Duration storeLease() {
    return storeLease;
  }

  /** Builds {@link TokenProviderOptions}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private Duration refreshMargin = DEFAULT_REFRESH_MARGIN;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private RefreshTokenListener refreshTokenListener = RefreshTokenListener.none();
    private TokenStore tokenStore;
    private Duration storeLease = DEFAULT_STORE_LEASE;

    private Builder() {}

    /**
     * Sets the store the refresh-token provider reads and writes its tokens through (default: its
     * own in memory); instances sharing one store share one token and one refresh. See {@link
     * TokenStore} for the contract.
     */
    public Builder tokenStore(TokenStore tokenStore) {
      this.tokenStore = Objects.requireNonNull(tokenStore, "tokenStore");
      return this;
    }

    /** Sets the store's refresh lease (default {@link #DEFAULT_STORE_LEASE}); positive. */
    public Builder storeLease(Duration storeLease) {
      Objects.requireNonNull(storeLease, "storeLease");
      if (storeLease.isNegative() || storeLease.isZero()) {
        throw new IllegalArgumentException("storeLease must be positive: " + storeLease);
      }
      this.storeLease = storeLease;
      return this;
    }

    /** Sets the clock (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Sets the sleeper (default: {@link Sleeper#system()}). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Sets how long before expiry to refresh (default {@link #DEFAULT_REFRESH_MARGIN}). */
    public Builder refreshMargin(Duration refreshMargin) {
      Objects.requireNonNull(refreshMargin, "refreshMargin");
      if (refreshMargin.isNegative()) {
        throw new IllegalArgumentException("refreshMargin must not be negative: " + refreshMargin);
      }
      this.refreshMargin = refreshMargin;
      return this;
    }

    /** Sets the retry policy (default {@link RetryPolicy#defaults()}). */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /** Sets the listener told about rotated refresh tokens (default: none). */
    public Builder refreshTokenListener(RefreshTokenListener refreshTokenListener) {
      this.refreshTokenListener =
          Objects.requireNonNull(refreshTokenListener, "refreshTokenListener");
      return this;
    }

    /** Builds the options. */
    public TokenProviderOptions build() {
      return new TokenProviderOptions(this);
    }
  }
}
