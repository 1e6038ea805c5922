package dev.oauthkit.hubspot.spring.boot;

import dev.oauthkit.hubspot.core.AllowedHosts;
import dev.oauthkit.hubspot.core.ApiVersion;
import dev.oauthkit.hubspot.core.HubSpotOAuthClientBuilder;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.RetryPolicy;
import dev.oauthkit.hubspot.core.Secrets;
import dev.oauthkit.hubspot.core.TokenProviderOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The {@code hubspot.oauth.*} properties, checked: each bad value fails start-up with an {@link
 * InvalidConfigurationPropertyValueException} naming the property (Spring Boot's failure analyzer
 * prints it), never showing a secret. Applies them to any stack's client builder.
 */
final class HubSpotOAuthSettings {

  private final HubSpotOAuthProperties properties;

  private HubSpotOAuthSettings(HubSpotOAuthProperties properties) {
    this.properties = Objects.requireNonNull(properties, "properties");
  }

  /** Wraps the bound properties; the checks run when a value is read. */
  static HubSpotOAuthSettings of(HubSpotOAuthProperties properties) {
    return new HubSpotOAuthSettings(properties);
  }

  /**
   * Sets every property on a stack's builder and builds the client.
   *
   * @param builder the stack's builder, as its facade's {@code builder()} returns it
   * @param customizers applied to the token-provider options after the properties, in order
   * @return the client
   */
  <B extends HubSpotOAuthClientBuilder<B, C, H>, C, H> C build(
      B builder, Collection<TokenProviderOptionsCustomizer> customizers) {
    builder
        .credentials(credentials())
        .apiVersion(apiVersion())
        .strictReading(properties.isStrictReading())
        .tokenProviderOptions(tokenProviderOptions(customizers));
    check("base-url", properties.getBaseUrl(), () -> builder.baseUrl(properties.getBaseUrl()));
    builder.allowedHosts(allowedHosts());
    Duration connect = properties.getConnectTimeout();
    if (connect != null) {
      check("connect-timeout", connect, () -> builder.connectTimeout(positive(connect)));
    }
    Duration read = properties.getReadTimeout();
    if (read != null) {
      check("read-timeout", read, () -> builder.readTimeout(positive(read)));
    }
    return builder.build();
  }

  /**
   * Client ID, secret and, when set, refresh token. A blank refresh token is none, as in {@code
   * OAuthCredentials.fromEnvironment}: {@code refresh-token=${HUBSPOT_REFRESH_TOKEN:}} with the
   * variable unset is an app without one, not a start-up failure.
   */
  OAuthCredentials credentials() {
    String clientId = requireText("client-id", properties.getClientId(), properties.getClientId());
    String secret = properties.getClientSecret();
    String clientSecret = requireText("client-secret", secret, hidden(secret));
    String refreshToken = properties.getRefreshToken();
    if (refreshToken == null || refreshToken.isBlank()) {
      return OAuthCredentials.of(clientId, clientSecret);
    }
    return OAuthCredentials.of(clientId, clientSecret, refreshToken.strip());
  }

  /** The API version named by {@code api-version}, or the newest the kit knows. */
  ApiVersion apiVersion() {
    String name = properties.getApiVersion();
    if (name == null) {
      return ApiVersion.newest();
    }
    return check(
        "api-version",
        name,
        () -> {
          if (ApiVersion.all().stream().noneMatch(v -> v.name().equals(name.strip()))) {
            throw new IllegalArgumentException(
                "must be one of "
                    + ApiVersion.all().stream()
                        .map(ApiVersion::name)
                        .collect(Collectors.joining(", ")));
          }
          return ApiVersion.of(name.strip());
        });
  }

  /** The hosts that get the bearer token: {@code allowed-hosts}, or base-url's host. */
  AllowedHosts allowedHosts() {
    List<String> configured = properties.getAllowedHosts();
    if (configured == null || configured.isEmpty()) {
      String baseUrl = properties.getBaseUrl();
      return check("base-url", baseUrl, () -> AllowedHosts.of(URI.create(baseUrl)));
    }
    return check(
        "allowed-hosts", configured, () -> AllowedHosts.of(configured.toArray(String[]::new)));
  }

  /**
   * Refresh margin, store lease and retry policy from the properties, then the customizers, in
   * order.
   */
  TokenProviderOptions tokenProviderOptions(
      Collection<TokenProviderOptionsCustomizer> customizers) {
    HubSpotOAuthProperties.TokenProvider tokens = properties.getTokenProvider();
    RetryPolicy.Builder retry = RetryPolicy.builder();
    set("max-attempts", tokens.getMaxAttempts(), retry::maxAttempts);
    set("initial-backoff", tokens.getInitialBackoff(), retry::initialBackoff);
    set("max-backoff", tokens.getMaxBackoff(), retry::maxBackoff);
    set("max-retry-after", tokens.getMaxRetryAfter(), retry::maxRetryAfter);
    TokenProviderOptions.Builder options = TokenProviderOptions.builder();
    // RetryPolicy's build() checks max-backoff against initial-backoff.
    set("max-backoff", tokens.getMaxBackoff(), checked -> options.retryPolicy(retry.build()));
    set("refresh-margin", tokens.getRefreshMargin(), options::refreshMargin);
    set("store-lease", tokens.getStoreLease(), options::storeLease);
    customizers.forEach(customizer -> customizer.customize(options));
    return options.build();
  }

  /** Passes {@code token-provider.<name>}'s value to a setter that checks it. */
  private static <T> void set(String name, T value, Consumer<T> setter) {
    check(
        "token-provider." + name,
        value,
        () -> {
          setter.accept(value);
          return value;
        });
  }

  private static String requireText(String name, String value, Object shown) {
    return check(
        name,
        shown,
        () -> {
          if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("must be set and not blank");
          }
          return value;
        });
  }

  /**
   * Runs {@code conversion}; an {@link IllegalArgumentException} or {@link NullPointerException}
   * becomes an {@link InvalidConfigurationPropertyValueException} naming {@code
   * hubspot.oauth.name}.
   */
  private static <T> T check(String name, Object shown, Supplier<T> conversion) {
    try {
      return conversion.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      String reason = e instanceof NullPointerException ? "must be set" : e.getMessage();
      throw new InvalidConfigurationPropertyValueException(
          HubSpotOAuthProperties.PREFIX + "." + name, shown, reason);
    }
  }

  private static Duration positive(Duration timeout) {
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("must be positive, e.g. 10s");
    }
    return timeout;
  }

  /** A secret as shown in an error: blank as it is (nothing to hide), otherwise a fingerprint. */
  private static String hidden(String secret) {
    return secret == null || secret.isBlank() ? secret : Secrets.fingerprint(secret);
  }
}
