package dev.oauthkit.hubspot.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.headerDoesNotExist;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.AllowedHosts;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.TokenProviderOptions;
import dev.oauthkit.hubspot.core.TokenSet;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

/** The customizer's interceptor: the token goes to the allowed hosts, and to no other host. */
class HubSpotBearerTokenInterceptorTest {

  final AtomicInteger refreshes = new AtomicInteger();

  AccessTokenProvider provider() {
    return AccessTokenProvider.create(
        OAuthCredentials.of("app-1", "secret-41d7", "refresh-93ac"),
        credentials ->
            TokenSet.of("token-" + refreshes.incrementAndGet(), Duration.ofMinutes(30), null),
        TokenProviderOptions.defaults());
  }

  /** A RestClient.Builder customized by the starter's customizer, its server mocked. */
  void withBuilder(
      String[] properties, java.util.function.BiConsumer<RestClient, MockRestServiceServer> test) {
    HubSpotOAuthAutoConfigurationTest.configured(properties)
        .withBean("userProvider", AccessTokenProvider.class, this::provider)
        .run(
            context -> {
              RestClient.Builder builder = RestClient.builder();
              context
                  .getBean(
                      HubSpotOAuthAutoConfiguration.REST_CLIENT_CUSTOMIZER,
                      RestClientCustomizer.class)
                  .customize(builder);
              MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
              test.accept(builder.build(), server);
              server.verify();
            });
  }

  @Test
  void whenTheHostIsTheBaseUrlHostThenTheCallCarriesTheBearerToken() {
    withBuilder(
        new String[0],
        (http, server) -> {
          server
              .expect(requestTo("https://API.hubapi.com/crm/v3/objects/contacts"))
              .andExpect(header("Authorization", "Bearer token-1"))
              .andRespond(withSuccess());
          http.get()
              .uri("https://API.hubapi.com/crm/v3/objects/contacts")
              .retrieve()
              .toBodilessEntity();
        });
  }

  @Test
  void whenTheHostIsNotAllowedThenTheCallCarriesNoAuthorizationHeader() {
    withBuilder(
        new String[0],
        (http, server) -> {
          server
              .expect(requestTo("https://example.com/upload"))
              .andExpect(headerDoesNotExist("Authorization"))
              .andRespond(withSuccess());
          server
              .expect(requestTo("https://api.hubapi.com.example.com/x"))
              .andExpect(headerDoesNotExist("Authorization"))
              .andRespond(withSuccess());
          http.get().uri("https://example.com/upload").retrieve().toBodilessEntity();
          http.get().uri("https://api.hubapi.com.example.com/x").retrieve().toBodilessEntity();
        });
    assertThat(refreshes).hasValue(0);
  }

  @Test
  void whenTheCallGoesToHubSpotsOAuthEndpointsThenItPassesUntouched() {
    withBuilder(
        new String[0],
        (http, server) -> {
          server
              .expect(requestTo("https://api.hubapi.com/oauth/v1/token"))
              .andExpect(headerDoesNotExist("Authorization"))
              .andRespond(withSuccess());
          http.post().uri("https://api.hubapi.com/oauth/v1/token").retrieve().toBodilessEntity();
        });
    assertThat(refreshes).hasValue(0);
  }

  @Test
  void whenTheProviderIsLookedUpLazilyThenItIsAskedForAtTheFirstTokenNotBefore() {
    AtomicInteger lookups = new AtomicInteger();
    HubSpotBearerTokenInterceptor interceptor =
        HubSpotBearerTokenInterceptor.lazy(
            () -> {
              lookups.incrementAndGet();
              return provider();
            },
            AllowedHosts.of("api.hubapi.com"));
    RestClient.Builder builder = RestClient.builder().requestInterceptor(interceptor);
    MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
    server
        .expect(requestTo("https://api.hubapi.com/crm/v3/objects/contacts"))
        .andExpect(header("Authorization", "Bearer token-1"))
        .andRespond(withSuccess());
    assertThat(lookups).hasValue(0);

    builder
        .build()
        .get()
        .uri("https://api.hubapi.com/crm/v3/objects/contacts")
        .retrieve()
        .toBodilessEntity();

    assertThat(lookups).hasValue(1);
    server.verify();
  }

  @Test
  void whenAllowedHostsAreSetThenOnlyThoseGetTheTokenNotTheBaseUrlHost() {
    withBuilder(
        new String[] {"hubspot.oauth.allowed-hosts=api.hubspot.com,files.hubapi.com"},
        (http, server) -> {
          server
              .expect(requestTo("https://files.hubapi.com/f"))
              .andExpect(header("Authorization", "Bearer token-1"))
              .andRespond(withSuccess());
          server
              .expect(requestTo("https://api.hubapi.com/g"))
              .andExpect(headerDoesNotExist("Authorization"))
              .andRespond(withSuccess());
          http.get().uri("https://files.hubapi.com/f").retrieve().toBodilessEntity();
          http.get().uri("https://api.hubapi.com/g").retrieve().toBodilessEntity();
        });
  }

  @Test
  void whenTheAllowedHostAnswers401ThenTheTokenIsRefreshedAndTheCallSentOnceMore() {
    withBuilder(
        new String[0],
        (http, server) -> {
          server
              .expect(requestTo("https://api.hubapi.com/a"))
              .andExpect(header("Authorization", "Bearer token-1"))
              .andRespond(withStatus(HttpStatus.UNAUTHORIZED));
          server
              .expect(requestTo("https://api.hubapi.com/a"))
              .andExpect(header("Authorization", "Bearer token-2"))
              .andRespond(withSuccess());
          assertThat(
                  http.get()
                      .uri("https://api.hubapi.com/a")
                      .retrieve()
                      .toBodilessEntity()
                      .getStatusCode())
              .isEqualTo(HttpStatus.OK);
        });
    assertThat(refreshes).hasValue(2);
  }

  /**
   * As with client-restclient's interceptor: the provider's exception (a HubSpotOAuthException with
   * the token call's status and category) reaches the caller as it is, not wrapped in Spring's
   * ResourceAccessException as an I/O error; and the call is not sent.
   */
  @Test
  void whenNoTokenCanBeObtainedThenTheProvidersExceptionPropagatesAndNothingIsSent() {
    IllegalStateException refused = new IllegalStateException("the refresh token was refused");
    AccessTokenProvider failing =
        new AccessTokenProvider() {
          @Override
          public String accessToken() {
            throw refused;
          }

          @Override
          public String refreshAfterUnauthorized(String rejectedToken) {
            throw refused;
          }

          @Override
          public String forceRefresh() {
            throw refused;
          }

          @Override
          public void invalidate() {}
        };
    RestClient.Builder builder = RestClient.builder();
    builder.requestInterceptor(
        HubSpotBearerTokenInterceptor.create(failing, AllowedHosts.of("api.hubapi.com")));
    MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
    RestClient http = builder.build();

    Throwable thrown =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                http.get()
                    .uri("https://api.hubapi.com/crm/v3/objects/contacts")
                    .retrieve()
                    .toBodilessEntity());

    assertThat(thrown).isSameAs(refused);
    server.verify();
  }

  @Test
  void whenPrintedThenTheInterceptorShowsItsHostsAndNoToken() {
    AccessTokenProvider provider = provider();
    provider.accessToken();
    assertThat(
            HubSpotBearerTokenInterceptor.create(provider, AllowedHosts.of("API.hubapi.com"))
                .toString())
        .contains("api.hubapi.com")
        .doesNotContain("token-1", "secret-41d7", "refresh-93ac");
  }
}
