package dev.oauthkit.hubspot.spring.boot;

import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.HubSpotOAuthClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.client.RestClient;

/**
 * Registers, once {@code hubspot.oauth.client-id} is set: a {@link HubSpotOAuthClient} on the stack
 * found on the classpath ({@link HubSpotOAuthStacks}), its {@link AccessTokenProvider}, and a
 * {@link RestClientCustomizer} named {@value #REST_CLIENT_CUSTOMIZER} whose {@link
 * HubSpotBearerTokenInterceptor} puts the token on calls to the allowed hosts only. Each yields to
 * a bean of the user's. Without {@code client-id} it registers nothing.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = HubSpotOAuthProperties.PREFIX, name = "client-id")
@EnableConfigurationProperties(HubSpotOAuthProperties.class)
@Import({
  HubSpotOAuthStacks.RestClientStack.class,
  HubSpotOAuthStacks.RetrofitStack.class,
  HubSpotOAuthStacks.FeignStack.class,
  HubSpotOAuthStacks.NoStack.class,
  HubSpotOAuthAutoConfiguration.BearerToken.class
})
public final class HubSpotOAuthAutoConfiguration {

  /** The name of the {@link RestClientCustomizer} bean; a bean of the user's by it replaces it. */
  public static final String REST_CLIENT_CUSTOMIZER = "hubSpotRestClientCustomizer";

  /** The token provider of the client: the one the customizer and the health indicator use. */
  @Bean
  @ConditionalOnMissingBean
  AccessTokenProvider hubSpotAccessTokenProvider(HubSpotOAuthClient client) {
    return client.tokenProvider();
  }

  /** The bearer token on the Spring-managed {@code RestClient.Builder}, for HubSpot hosts only. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({RestClient.class, RestClientCustomizer.class})
  static class BearerToken {

    @Bean(REST_CLIENT_CUSTOMIZER)
    @ConditionalOnMissingBean(name = REST_CLIENT_CUSTOMIZER)
    RestClientCustomizer hubSpotRestClientCustomizer(
        ObjectProvider<AccessTokenProvider> provider, HubSpotOAuthProperties properties) {
      // Looked up at the first request: the client behind the provider may be built from the
      // very RestClient.Builder this customizes (a cycle if it were needed now).
      HubSpotBearerTokenInterceptor interceptor =
          HubSpotBearerTokenInterceptor.lazy(
              provider::getObject, HubSpotOAuthSettings.of(properties).allowedHosts());
      return builder -> builder.requestInterceptor(interceptor);
    }
  }
}
