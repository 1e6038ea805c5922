package dev.oauthkit.hubspot.core;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * What a {@link HubSpotOAuthClientBuilder} collected, checked and complete, handed to the stack
 * that builds the client. Immutable.
 */
public final class ClientSettings {

  private final URI baseUrl;
  private final OAuthCredentials credentials;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final String userAgent;
  private final TokenProviderOptions tokenProviderOptions;
  private final boolean strictReading;
  private final ApiVersion apiVersion;
  private final AllowedHosts allowedHosts;

  ClientSettings(
      URI baseUrl,
      OAuthCredentials credentials,
      Duration connectTimeout,
      Duration readTimeout,
      String userAgent,
      TokenProviderOptions tokenProviderOptions,
      boolean strictReading,
      ApiVersion apiVersion,
      AllowedHosts allowedHosts) {
    this.baseUrl = baseUrl;
    this.credentials = credentials;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.userAgent = userAgent;
    this.tokenProviderOptions = tokenProviderOptions;
    this.strictReading = strictReading;
    this.apiVersion = apiVersion;
    this.allowedHosts = allowedHosts;
  }

  /**
   * Returns the hosts the bearer interceptors send the access token to; by default the base URL's.
   */
  public AllowedHosts allowedHosts() {
    return allowedHosts;
  }

  /** Returns the version of HubSpot's OAuth API the client calls. */
  public ApiVersion apiVersion() {
    return apiVersion;
  }

  /** Returns the API host: an absolute http(s) URL ending with {@code /}. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** Returns the client credentials and, normally, the refresh token. */
  public OAuthCredentials credentials() {
    return credentials;
  }

  /** Returns the connect timeout, if one was set; otherwise the HTTP client's applies. */
  public Optional<Duration> connectTimeout() {
    return Optional.ofNullable(connectTimeout);
  }

  /** Returns the read timeout, if one was set; otherwise the HTTP client's applies. */
  public Optional<Duration> readTimeout() {
    return Optional.ofNullable(readTimeout);
  }

  /** Returns the User-Agent to send, never blank. */
  public String userAgent() {
    return userAgent;
  }

  /** Returns the options of the client's {@link AccessTokenProvider}. */
  public TokenProviderOptions tokenProviderOptions() {
    return tokenProviderOptions;
  }

  /**
   * Returns whether an optional response field of another type fails the call instead of being
   * dropped with a WARN.
   */
  public boolean strictReading() {
    return strictReading;
  }
}
