package dev.oauthkit.hubspot.spring.boot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code hubspot.oauth.*} properties, as bound; {@link HubSpotOAuthSettings} checks them. The
 * starter registers nothing unless {@code hubspot.oauth.client-id} is set. {@link #toString()}
 * never shows the secret or the refresh token.
 */
@ConfigurationProperties(prefix = HubSpotOAuthProperties.PREFIX)
public final class HubSpotOAuthProperties {

  /** The prefix of every property. */
  public static final String PREFIX = "hubspot.oauth";

  /** The app's client ID. Setting it turns the starter on. */
  private String clientId;

  /** The app's client secret. Required once client-id is set; never logged. */
  private String clientSecret;

  /**
   * The refresh token of the HubSpot account the app calls. Optional (an app without one exchanges
   * an authorization code first); never logged.
   */
  private String refreshToken;

  /**
   * The version of HubSpot's OAuth API: "v1" or a date version such as "2026-03". Default: the
   * newest date version the kit knows.
   */
  private String apiVersion;

  /** The API host, for example a local sandbox. */
  private String baseUrl = "https://api.hubapi.com";

  /**
   * The hosts that get the bearer token (RestClient.Builder customizer and the client's own
   * interceptors): exact host names, no wildcard; no other host ever does. Default: the host of
   * base-url.
   */
  private List<String> allowedHosts = new ArrayList<>();

  /** The connect timeout of the client's HTTP calls. Default: the HTTP library's. */
  private Duration connectTimeout;

  /** The read timeout of the client's HTTP calls. Default: the HTTP library's. */
  private Duration readTimeout;

  /**
   * Whether an optional response field of another type than the spec's fails the call instead of
   * being dropped with a WARN.
   */
  private boolean strictReading = false;

  /** How the access token is kept fresh. */
  private final TokenProvider tokenProvider = new TokenProvider();

  public String getClientId() {
    return clientId;
  }

  public void setClientId(String clientId) {
    this.clientId = clientId;
  }

  public String getClientSecret() {
    return clientSecret;
  }

  public void setClientSecret(String clientSecret) {
    this.clientSecret = clientSecret;
  }

  public String getRefreshToken() {
    return refreshToken;
  }

  public void setRefreshToken(String refreshToken) {
    this.refreshToken = refreshToken;
  }

  public String getApiVersion() {
    return apiVersion;
  }

  public void setApiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  public String getBaseUrl() {
    return baseUrl;
  }

  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public List<String> getAllowedHosts() {
    return allowedHosts;
  }

  public void setAllowedHosts(List<String> allowedHosts) {
    this.allowedHosts = allowedHosts;
  }

  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public Duration getReadTimeout() {
    return readTimeout;
  }

  public void setReadTimeout(Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  public boolean isStrictReading() {
    return strictReading;
  }

  public void setStrictReading(boolean strictReading) {
    this.strictReading = strictReading;
  }

  public TokenProvider getTokenProvider() {
    return tokenProvider;
  }

  @Override
  public String toString() {
    return "HubSpotOAuthProperties{clientId="
        + clientId
        + ", apiVersion="
        + apiVersion
        + ", baseUrl="
        + baseUrl
        + ", allowedHosts="
        + allowedHosts
        + "}";
  }

  /** {@code hubspot.oauth.token-provider.*}: the refresh margin and the retries of a refresh. */
  public static final class TokenProvider {

    /** How long before expiry the access token is refreshed (at most half its lifetime). */
    private Duration refreshMargin = Duration.ofSeconds(60);

    /** The most attempts of one refresh, the first included (1: no retry). */
    private int maxAttempts = 4;

    /** The delay before the first retry, doubled after each, before jitter. */
    private Duration initialBackoff = Duration.ofMillis(500);

    /** The longest delay between retries, before jitter. */
    private Duration maxBackoff = Duration.ofSeconds(30);

    /** The longest Retry-After honoured; a longer one ends the retries. */
    private Duration maxRetryAfter = Duration.ofSeconds(120);

    /**
     * How long one instance may hold the refresh of a shared token store (set by a
     * TokenProviderOptionsCustomizer) before another may take it over.
     */
    private Duration storeLease = Duration.ofMinutes(5);

    public Duration getRefreshMargin() {
      return refreshMargin;
    }

    public void setRefreshMargin(Duration refreshMargin) {
      this.refreshMargin = refreshMargin;
    }

    public int getMaxAttempts() {
      return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    public Duration getInitialBackoff() {
      return initialBackoff;
    }

    public void setInitialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
    }

    public Duration getMaxBackoff() {
      return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }

    public Duration getMaxRetryAfter() {
      return maxRetryAfter;
    }

    public void setMaxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = maxRetryAfter;
    }

    public Duration getStoreLease() {
      return storeLease;
    }

    public void setStoreLease(Duration storeLease) {
      this.storeLease = storeLease;
    }
  }
}
