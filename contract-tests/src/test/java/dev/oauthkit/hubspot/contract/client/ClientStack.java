package dev.oauthkit.hubspot.contract.client;

import dev.oauthkit.hubspot.core.ApiVersion;
import dev.oauthkit.hubspot.core.HubSpotOAuthClient;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.TokenProviderOptions;
import dev.oauthkit.hubspot.feign.client.HubSpotOAuthFeignClient;
import dev.oauthkit.hubspot.retrofit.client.HubSpotOAuthRetrofitClient;
import java.util.List;

/**
 * One HTTP stack's client, built the same way for every test: the only per-stack code here.
 *
 * @param name the stack's name
 * @param factory builds a client of the stack
 */
public record ClientStack(String name, Factory factory) {

  /** Builds a client of this stack. */
  public interface Factory {
    HubSpotOAuthClient create(
        String baseUrl, OAuthCredentials credentials, TokenProviderOptions options);
  }

  /** The stack with this name: {@code retrofit} or {@code feign}. */
  public static ClientStack named(String name) {
    return all().stream()
        .filter(stack -> stack.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no client stack " + name));
  }

  /** A client of this stack with these token-provider options. */
  public HubSpotOAuthClient create(
      String baseUrl, OAuthCredentials credentials, TokenProviderOptions options) {
    return factory.create(baseUrl, credentials, options);
  }

  static List<ClientStack> all() {
    return List.of(
        new ClientStack(
            "retrofit",
            (baseUrl, credentials, options) ->
                HubSpotOAuthRetrofitClient.builder()
                    .apiVersion(ApiVersion.V1)
                    .baseUrl(baseUrl)
                    .credentials(credentials)
                    .tokenProviderOptions(options)
                    .build()),
        new ClientStack(
            "feign",
            (baseUrl, credentials, options) ->
                HubSpotOAuthFeignClient.builder()
                    .apiVersion(ApiVersion.V1)
                    .baseUrl(baseUrl)
                    .credentials(credentials)
                    .tokenProviderOptions(options)
                    .build()));
  }

  HubSpotOAuthClient create(String baseUrl, OAuthCredentials credentials) {
    return factory.create(baseUrl, credentials, TokenProviderOptions.builder().build());
  }

  @Override
  public String toString() {
    return name;
  }
}
