package dev.oauthkit.hubspot.spring.boot;

import dev.oauthkit.hubspot.core.TokenProviderOptions;

/**
 * Adjusts the token-provider options of the starter's client after the {@code
 * hubspot.oauth.token-provider.*} properties are applied: for what properties cannot say, such as a
 * {@link dev.oauthkit.hubspot.core.RefreshTokenListener} that stores rotated refresh tokens, or a
 * test's clock. Every bean of this type is applied, in {@code @Order}.
 */
@FunctionalInterface
public interface TokenProviderOptionsCustomizer {

  /**
   * Changes the options being built.
   *
   * @param options the builder, already holding the properties' values
   */
  void customize(TokenProviderOptions.Builder options);
}
