package dev.oauthkit.hubspot.contract.client;

import dev.oauthkit.hubspot.core.ApiVersion;
import dev.oauthkit.hubspot.core.HubSpotOAuthClient;
import dev.oauthkit.hubspot.core.HubSpotOAuthClientBuilder;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.TokenProviderOptions;
import dev.oauthkit.hubspot.feign.client.HubSpotOAuthFeignClient;
import dev.oauthkit.hubspot.retrofit.client.HubSpotOAuthRetrofitClient;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One HTTP stack's client, built the same way for every test: the only per-stack code here. A
 * client is built on a given {@link ApiVersion}, or on the builder's default ({@link
 * ApiVersion#newest()}) when none is given.
 *
 * @param name the stack's name
 * @param builders makes a new builder of the stack
 */
public record ClientStack(
    String name,
    Supplier<? extends HubSpotOAuthClientBuilder<?, ? extends HubSpotOAuthClient, ?>> builders) {

  /** The stack with this name: {@code retrofit} or {@code feign}. */
  public static ClientStack named(String name) {
    return all().stream()
        .filter(stack -> stack.name().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("name must be a client stack, got " + name));
  }

  /** Every stack: Retrofit, then Feign. */
  public static List<ClientStack> all() {
    return List.of(
        new ClientStack("retrofit", HubSpotOAuthRetrofitClient::builder),
        new ClientStack("feign", HubSpotOAuthFeignClient::builder));
  }

  /** A client of this stack on {@code version} with these token-provider options. */
  public HubSpotOAuthClient create(
      ApiVersion version,
      String baseUrl,
      OAuthCredentials credentials,
      TokenProviderOptions options) {
    Objects.requireNonNull(version, "version");
    return builders
        .get()
        .apiVersion(version)
        .baseUrl(baseUrl)
        .credentials(credentials)
        .tokenProviderOptions(options)
        .build();
  }

  /** A client of this stack on {@code version} with the default token-provider options. */
  public HubSpotOAuthClient create(
      ApiVersion version, String baseUrl, OAuthCredentials credentials) {
    return create(version, baseUrl, credentials, TokenProviderOptions.builder().build());
  }

  /** A client of this stack built without {@code .apiVersion(...)}: the builder's default. */
  public HubSpotOAuthClient createOnDefaultVersion(String baseUrl, OAuthCredentials credentials) {
    return builders.get().baseUrl(baseUrl).credentials(credentials).build();
  }

  @Override
  public String toString() {
    return name;
  }
}
