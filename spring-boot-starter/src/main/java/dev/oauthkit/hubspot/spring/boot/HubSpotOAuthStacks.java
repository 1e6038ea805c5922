package dev.oauthkit.hubspot.spring.boot;

import dev.oauthkit.hubspot.core.HubSpotOAuthClient;
import dev.oauthkit.hubspot.feign.client.HubSpotOAuthFeignClient;
import dev.oauthkit.hubspot.restclient.client.HubSpotOAuthRestClient;
import dev.oauthkit.hubspot.retrofit.client.HubSpotOAuthRetrofitClient;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link HubSpotOAuthClient} bean on each stack, imported in order of preference: RestClient,
 * Retrofit, Feign. The first whose facade is on the classpath registers the client; the others then
 * see it and stay out. A user's own client bean wins over all of them; with none of the stacks on
 * the classpath, start-up fails saying which artifact to add.
 */
final class HubSpotOAuthStacks {

  private HubSpotOAuthStacks() {}

  private static List<TokenProviderOptionsCustomizer> ordered(
      ObjectProvider<TokenProviderOptionsCustomizer> customizers) {
    return customizers.orderedStream().toList();
  }

  /**
   * Spring's RestClient (hubspot-oauth-client-restclient): the first choice. On its own {@code
   * RestClient}, never the Spring-managed builder: the token call must not pass through the bearer
   * interceptor that needs its token.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HubSpotOAuthRestClient.class)
  @ConditionalOnMissingBean(HubSpotOAuthClient.class)
  static class RestClientStack {

    @Bean
    HubSpotOAuthClient hubSpotOAuthClient(
        HubSpotOAuthProperties properties,
        ObjectProvider<TokenProviderOptionsCustomizer> customizers) {
      return HubSpotOAuthSettings.of(properties)
          .build(HubSpotOAuthRestClient.builder(), ordered(customizers));
    }
  }

  /** Retrofit 3 over OkHttp (hubspot-oauth-client-retrofit). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HubSpotOAuthRetrofitClient.class)
  @ConditionalOnMissingBean(HubSpotOAuthClient.class)
  static class RetrofitStack {

    @Bean
    HubSpotOAuthClient hubSpotOAuthClient(
        HubSpotOAuthProperties properties,
        ObjectProvider<TokenProviderOptionsCustomizer> customizers) {
      return HubSpotOAuthSettings.of(properties)
          .build(HubSpotOAuthRetrofitClient.builder(), ordered(customizers));
    }
  }

  /** OpenFeign over OkHttp (hubspot-oauth-client-feign). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HubSpotOAuthFeignClient.class)
  @ConditionalOnMissingBean(HubSpotOAuthClient.class)
  static class FeignStack {

    @Bean
    HubSpotOAuthClient hubSpotOAuthClient(
        HubSpotOAuthProperties properties,
        ObjectProvider<TokenProviderOptionsCustomizer> customizers) {
      return HubSpotOAuthSettings.of(properties)
          .build(HubSpotOAuthFeignClient.builder(), ordered(customizers));
    }
  }

  /**
   * No stack on the classpath and no client bean of the user's: a start-up failure that says so.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingBean(HubSpotOAuthClient.class)
  static class NoStack {

    @Bean
    HubSpotOAuthClient hubSpotOAuthClient() {
      throw new IllegalStateException(
          HubSpotOAuthProperties.PREFIX
              + ".client-id is set, but no HubSpot client stack is on the classpath: add"
              + " hubspot-oauth-client-restclient, hubspot-oauth-client-retrofit or"
              + " hubspot-oauth-client-feign");
    }
  }
}
