package dev.oauthkit.hubspot.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.AllowedHosts;
import dev.oauthkit.hubspot.core.ApiVersion;
import dev.oauthkit.hubspot.core.HubSpotOAuthClient;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.TokenProviderOptions;
import dev.oauthkit.hubspot.core.TokenSet;
import dev.oauthkit.hubspot.core.stack.AbstractHubSpotOAuthClient;
import dev.oauthkit.hubspot.feign.client.HubSpotOAuthFeignClient;
import dev.oauthkit.hubspot.restclient.client.HubSpotOAuthRestClient;
import dev.oauthkit.hubspot.retrofit.client.HubSpotOAuthRetrofitClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

class HubSpotOAuthAutoConfigurationTest {

  static final String SECRET = "secret-5f2b9a7e-0c1d";
  static final String REFRESH = "refresh-8d3c1e2f-aa90";

  static final ApplicationContextRunner RUNNER =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  HubSpotOAuthAutoConfiguration.class, HubSpotOAuthHealthAutoConfiguration.class));

  static ApplicationContextRunner configured(String... more) {
    return RUNNER
        .withPropertyValues(
            "hubspot.oauth.client-id=app-1",
            "hubspot.oauth.client-secret=" + SECRET,
            "hubspot.oauth.refresh-token=" + REFRESH)
        .withPropertyValues(more);
  }

  @Test
  void whenNoClientIdIsSetThenTheAppStartsAndTheStarterRegistersNothing() {
    RUNNER
        .withPropertyValues("hubspot.oauth.client-secret=" + SECRET)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(HubSpotOAuthClient.class);
              assertThat(context).doesNotHaveBean(AccessTokenProvider.class);
              assertThat(context).doesNotHaveBean(HubSpotOAuthProperties.class);
              assertThat(context).doesNotHaveBean(RestClientCustomizer.class);
              assertThat(context).doesNotHaveBean(HubSpotOAuthHealthIndicator.class);
            });
  }

  @Test
  void whenAllThreeStacksAreOnTheClasspathThenTheClientIsOnRestClient() {
    configured()
        .run(
            context -> {
              assertThat(context).hasSingleBean(HubSpotOAuthClient.class);
              assertThat(context.getBean(HubSpotOAuthClient.class))
                  .isInstanceOf(HubSpotOAuthRestClient.class);
              assertThat(context.getBean(AccessTokenProvider.class))
                  .isSameAs(context.getBean(HubSpotOAuthClient.class).tokenProvider());
              assertThat(context)
                  .hasBean(HubSpotOAuthAutoConfiguration.REST_CLIENT_CUSTOMIZER)
                  .hasSingleBean(HubSpotOAuthHealthIndicator.class);
            });
  }

  @Test
  void whenRestClientIsAbsentThenTheClientIsOnRetrofit() {
    configured()
        .withClassLoader(new FilteredClassLoader(HubSpotOAuthRestClient.class))
        .run(
            context ->
                assertThat(context.getBean(HubSpotOAuthClient.class))
                    .isInstanceOf(HubSpotOAuthRetrofitClient.class));
  }

  @Test
  void whenOnlyFeignIsOnTheClasspathThenTheClientIsOnFeign() {
    configured()
        .withClassLoader(
            new FilteredClassLoader(HubSpotOAuthRestClient.class, HubSpotOAuthRetrofitClient.class))
        .run(
            context ->
                assertThat(context.getBean(HubSpotOAuthClient.class))
                    .isInstanceOf(HubSpotOAuthFeignClient.class));
  }

  @Test
  void whenNoStackIsOnTheClasspathThenStartUpFailsNamingTheArtifactsToAdd() {
    configured()
        .withClassLoader(
            new FilteredClassLoader(
                HubSpotOAuthRestClient.class,
                HubSpotOAuthRetrofitClient.class,
                HubSpotOAuthFeignClient.class))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("hubspot.oauth.client-id is set")
                    .hasMessageContaining("hubspot-oauth-client-restclient")
                    .hasMessageContaining("hubspot-oauth-client-retrofit")
                    .hasMessageContaining("hubspot-oauth-client-feign"));
  }

  @Test
  void whenTheSpringRestClientModuleIsAbsentThenTheClientIsStillRegisteredWithoutCustomizer() {
    configured()
        .withClassLoader(new FilteredClassLoader(RestClientCustomizer.class))
        .run(
            context -> {
              assertThat(context).hasSingleBean(HubSpotOAuthClient.class);
              assertThat(context)
                  .doesNotHaveBean(HubSpotOAuthAutoConfiguration.REST_CLIENT_CUSTOMIZER);
            });
  }

  @Test
  void whenTheUserDefinesAClientAndATokenProviderThenTheirsWin() {
    configured()
        .withUserConfiguration(UserBeans.class)
        .run(
            context -> {
              assertThat(context.getBean(HubSpotOAuthClient.class))
                  .isSameAs(context.getBean("userClient"));
              assertThat(context.getBean(AccessTokenProvider.class))
                  .isSameAs(context.getBean("userProvider"));
            });
  }

  @Test
  void whenTheUsersClientIsBuiltFromBootsRestClientBuilderThenTheContextStartsWithoutACycle() {
    configured()
        .withConfiguration(AutoConfigurations.of(RestClientAutoConfiguration.class))
        .withUserConfiguration(ClientFromBootsBuilder.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(HubSpotOAuthClient.class))
                  .isSameAs(context.getBean("clientFromBootsBuilder"));
              assertThat(context.getBean(AccessTokenProvider.class))
                  .isSameAs(context.getBean(HubSpotOAuthClient.class).tokenProvider());
            });
  }

  /** The client-restclient README's way: the facade on the RestClient.Builder Boot configures. */
  @Configuration(proxyBeanMethods = false)
  static class ClientFromBootsBuilder {
    @Bean
    HubSpotOAuthClient clientFromBootsBuilder(RestClient.Builder builder) {
      return HubSpotOAuthRestClient.builder()
          .restClientBuilder(builder)
          .credentials(OAuthCredentials.of("app-1", SECRET, REFRESH))
          .build();
    }
  }

  @Test
  void whenPropertiesAreSetThenTheClientUsesBaseUrlAndApiVersion() {
    configured("hubspot.oauth.base-url=http://127.0.0.1:8089", "hubspot.oauth.api-version=2026-03")
        .run(
            context ->
                assertThat(context.getBean(HubSpotOAuthClient.class).toString())
                    .contains("baseUrl=http://127.0.0.1:8089/", "apiVersion=2026-03")
                    .doesNotContain(SECRET, REFRESH));
  }

  @Test
  void whenAllowedHostsAreSetThenTheClientsOwnInterceptorsUseThemToo() {
    configured("hubspot.oauth.allowed-hosts=api.hubapi.com,Files.HubAPI.com")
        .run(
            context ->
                assertThat(
                        ((AbstractHubSpotOAuthClient) context.getBean(HubSpotOAuthClient.class))
                            .allowedHosts())
                    .isEqualTo(AllowedHosts.of("api.hubapi.com", "files.hubapi.com")));
    configured("hubspot.oauth.base-url=http://127.0.0.1:8089")
        .run(
            context ->
                assertThat(
                        ((AbstractHubSpotOAuthClient) context.getBean(HubSpotOAuthClient.class))
                            .allowedHosts())
                    .isEqualTo(AllowedHosts.of("127.0.0.1")));
  }

  @Test
  void whenNoApiVersionIsSetThenTheClientUsesTheNewest() {
    configured()
        .run(
            context ->
                assertThat(context.getBean(HubSpotOAuthClient.class).toString())
                    .contains("apiVersion=" + ApiVersion.newest().name()));
  }

  @Test
  void whenTokenProviderPropertiesAreSetThenTheOptionsCarryThem() {
    configured(
            "hubspot.oauth.token-provider.refresh-margin=2m",
            "hubspot.oauth.token-provider.store-lease=3m",
            "hubspot.oauth.token-provider.max-attempts=1")
        .run(
            context -> {
              TokenProviderOptions options =
                  HubSpotOAuthSettings.of(context.getBean(HubSpotOAuthProperties.class))
                      .tokenProviderOptions(java.util.List.of());
              assertThat(options.refreshMargin()).isEqualTo(Duration.ofMinutes(2));
              assertThat(options.storeLease()).isEqualTo(Duration.ofMinutes(3));
              assertThat(options.retryPolicy().maxAttempts()).isEqualTo(1);
              assertThat(options.retryPolicy().nextDelay(1, null)).isEmpty();
            });
  }

  @Test
  void whenACustomizerBeanExistsThenItIsAppliedAfterTheProperties() {
    configured("hubspot.oauth.token-provider.refresh-margin=2m")
        .withBean(
            TokenProviderOptionsCustomizer.class,
            () -> options -> options.refreshMargin(Duration.ofSeconds(7)))
        .run(
            context -> {
              var customizers =
                  context.getBeanProvider(TokenProviderOptionsCustomizer.class).stream().toList();
              TokenProviderOptions options =
                  HubSpotOAuthSettings.of(context.getBean(HubSpotOAuthProperties.class))
                      .tokenProviderOptions(customizers);
              assertThat(options.refreshMargin()).isEqualTo(Duration.ofSeconds(7));
            });
  }

  @Test
  void whenThePropertiesArePrintedThenNoSecretShows() {
    configured()
        .run(
            context ->
                assertThat(context.getBean(HubSpotOAuthProperties.class).toString())
                    .contains("app-1")
                    .doesNotContain(SECRET, REFRESH));
  }

  @Configuration(proxyBeanMethods = false)
  static class UserBeans {

    @Bean
    AccessTokenProvider userProvider() {
      return AccessTokenProvider.create(
          OAuthCredentials.of("app-1", SECRET, REFRESH),
          credentials -> TokenSet.of("user-token", Duration.ofMinutes(30), null),
          TokenProviderOptions.defaults());
    }

    @Bean
    HubSpotOAuthClient userClient() {
      return HubSpotOAuthFeignClient.builder()
          .credentials(OAuthCredentials.of("app-1", SECRET, REFRESH))
          .build();
    }
  }

  static InvalidConfigurationPropertyValueException invalid(Throwable failure) {
    Throwable cause = failure;
    while (cause != null && !(cause instanceof InvalidConfigurationPropertyValueException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("an InvalidConfigurationPropertyValueException in " + failure).isNotNull();
    return (InvalidConfigurationPropertyValueException) cause;
  }
}
