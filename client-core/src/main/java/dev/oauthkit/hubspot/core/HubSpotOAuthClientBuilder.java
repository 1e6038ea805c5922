package dev.oauthkit.hubspot.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The options every HTTP stack's client builder shares: base URL, credentials, timeouts,
 * User-Agent, token-provider options and the hosts the bearer token may go to, each checked where
 * it is set, plus an optional HTTP client of the stack's own type to derive the client's from. A
 * stack's {@code Builder} extends this, names that last option in a public setter (for example
 * {@code okHttpClient}) and passes the factory of its client.
 *
 * @param <B> the stack's builder, returned by every setter for chaining
 * @param <C> the client it builds
 * @param <H> the stack's HTTP client type, for example OkHttp's {@code OkHttpClient}
 */
public abstract class HubSpotOAuthClientBuilder<
    B extends HubSpotOAuthClientBuilder<B, C, H>, C, H> {

  /** HubSpot's API host, the default base URL. */
  public static final String DEFAULT_BASE_URL = "https://api.hubapi.com";

  /** The start of every stack's default User-Agent; the stack's name follows. */
  public static final String USER_AGENT_PREFIX = "hubspot-oauth-client-";

  private URI baseUrl = URI.create(DEFAULT_BASE_URL + "/");
  private OAuthCredentials credentials;
  private Duration connectTimeout;
  private Duration readTimeout;
  private String userAgent;
  private TokenProviderOptions options = TokenProviderOptions.defaults();
  private boolean strictReading;
  private ApiVersion apiVersion = ApiVersion.newest();
  private AllowedHosts allowedHosts;
  private H httpClient;
  private final BiFunction<ClientSettings, H, C> factory;

  /**
   * Starts a builder holding the defaults.
   *
   * @param defaultUserAgent the stack's User-Agent, sent unless {@link #userAgent} sets another
   * @param factory creates the client from the settings and the stack's HTTP client to derive its
   *     own from ({@code null} when none was set); it must not make a request
   */
  protected HubSpotOAuthClientBuilder(
      String defaultUserAgent, BiFunction<ClientSettings, H, C> factory) {
    this.userAgent = OAuthCredentials.requireText(defaultUserAgent, "defaultUserAgent");
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  /**
   * Sets the API host (default {@value #DEFAULT_BASE_URL}), for example a local sandbox. A path is
   * kept: operations resolve below it.
   *
   * @param baseUrl an absolute {@code http} or {@code https} URL
   * @return this builder
   */
  public final B baseUrl(String baseUrl) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    this.baseUrl = parseBaseUrl(baseUrl);
    return self();
  }

  /**
   * Sets the client credentials and, normally, the refresh token. Required.
   *
   * @param credentials the credentials
   * @return this builder
   */
  public final B credentials(OAuthCredentials credentials) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    return self();
  }

  /**
   * Sets the connect timeout (default: the HTTP client's; OkHttp's is 10 s).
   *
   * @param connectTimeout the timeout
   * @return this builder
   */
  public final B connectTimeout(Duration connectTimeout) {
    this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    return self();
  }

  /**
   * Sets the read timeout (default: the HTTP client's; OkHttp's is 10 s).
   *
   * @param readTimeout the timeout
   * @return this builder
   */
  public final B readTimeout(Duration readTimeout) {
    this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
    return self();
  }

  /**
   * Sets the User-Agent (default: the stack's, {@value #USER_AGENT_PREFIX} and its name).
   *
   * @param userAgent the User-Agent; not blank
   * @return this builder
   */
  public final B userAgent(String userAgent) {
    this.userAgent = OAuthCredentials.requireText(userAgent, "userAgent");
    return self();
  }

  /**
   * Sets clock, sleeper, refresh margin, retry policy and rotation listener.
   *
   * @param options the token-provider options (default {@link TokenProviderOptions#defaults()})
   * @return this builder
   */
  public final B tokenProviderOptions(TokenProviderOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    return self();
  }

  /**
   * Sets how an optional response field of another type than the spec's is handled. By default
   * (false) the field is dropped with one WARN naming the operation and its JSON path, and the rest
   * of the answer is returned; when true the call fails with {@link HubSpotOAuthResponseException}.
   * A required field that is missing or of another type always fails the call that way.
   *
   * @param strictReading whether to fail on an optional field of another type
   * @return this builder
   */
  public final B strictReading(boolean strictReading) {
    this.strictReading = strictReading;
    return self();
  }

  /**
   * Picks the version of HubSpot's OAuth API: {@link ApiVersion#newest()} (the default), an earlier
   * date version ({@code ApiVersion.of(name)}) or {@link ApiVersion#V1}, which HubSpot switches off
   * on 2027-02-16.
   *
   * @param apiVersion the version
   * @return this builder
   */
  public final B apiVersion(ApiVersion apiVersion) {
    this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
    return self();
  }

  /**
   * Sets the hosts the client's bearer interceptor sends the access token to (default: the base
   * URL's host only). Requests to any other host go out without it.
   *
   * @param allowedHosts the hosts, for example {@code AllowedHosts.of("api.hubapi.com")}
   * @return this builder
   */
  public final B allowedHosts(AllowedHosts allowedHosts) {
    this.allowedHosts = Objects.requireNonNull(allowedHosts, "allowedHosts");
    return self();
  }

  /**
   * Builds the client; no request is made until an operation is called.
   *
   * @return the client
   * @throws NullPointerException naming {@code credentials} when they were not set
   */
  public final C build() {
    Objects.requireNonNull(credentials, "credentials");
    return factory.apply(
        new ClientSettings(
            baseUrl,
            credentials,
            connectTimeout,
            readTimeout,
            userAgent,
            options,
            strictReading,
            apiVersion,
            allowedHosts != null ? allowedHosts : AllowedHosts.of(baseUrl)),
        httpClient);
  }

  /**
   * Sets the stack's HTTP client to derive the client's own from, for the stack's public setter.
   *
   * @param httpClient the HTTP client
   * @param name the public setter's parameter, named in the message when {@code httpClient} is null
   * @return this builder
   */
  protected final B httpClient(H httpClient, String name) {
    this.httpClient = Objects.requireNonNull(httpClient, name);
    return self();
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /** An absolute http(s) URL with a host, ending with {@code /} so that paths resolve below it. */
  private static URI parseBaseUrl(String baseUrl) {
    try {
      URI uri = new URI(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean http = scheme.equals("http") || scheme.equals("https");
      if (http && uri.getRawAuthority() != null && uri.getPort() <= 65_535) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below, with the value as given
    }
    throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + baseUrl);
  }
}
