package dev.oauthkit.hubspot.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.ActiveAccessToken;
import dev.oauthkit.hubspot.core.HubSpotOAuthClient;
import dev.oauthkit.hubspot.sandbox.junit.HubSpotSandboxExtension;
import dev.oauthkit.hubspot.sandbox.junit.SandboxApp;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/**
 * The starter against the sandbox, configured by properties alone (plus the sandbox's clock, as a
 * {@link TokenProviderOptionsCustomizer}): the client calls it, the token refreshes itself after
 * the clock moves, and the Spring-managed {@code RestClient.Builder} sends the token to the
 * sandbox's host and to no other.
 */
class HubSpotOAuthStarterIT {

  @RegisterExtension
  static HubSpotSandboxExtension sandbox = HubSpotSandboxExtension.builder().build();

  static ApplicationContextRunner starter(String refreshToken) {
    SandboxApp app = sandbox.app();
    return new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                HubSpotOAuthAutoConfiguration.class,
                HubSpotOAuthHealthAutoConfiguration.class,
                RestClientAutoConfiguration.class))
        .withPropertyValues(
            "hubspot.oauth.client-id=" + app.clientId(),
            "hubspot.oauth.client-secret=" + app.clientSecret(),
            "hubspot.oauth.refresh-token=" + refreshToken,
            "hubspot.oauth.base-url=" + sandbox.baseUrl())
        .withBean(
            TokenProviderOptionsCustomizer.class, () -> options -> options.clock(sandbox.clock()));
  }

  @AfterEach
  void resetSandbox() {
    sandbox.reset();
  }

  @Test
  void whenOnlyPropertiesAreSetThenTheClientBeanCallsTheSandbox() {
    starter(sandbox.tokensFor().refreshToken())
        .run(
            context -> {
              HubSpotOAuthClient client = context.getBean(HubSpotOAuthClient.class);
              String token = context.getBean(AccessTokenProvider.class).accessToken();
              assertThat(client.introspect(token))
                  .isInstanceOfSatisfying(
                      ActiveAccessToken.class, t -> assertThat(t.hubId()).isEqualTo(62515));
            });
  }

  @Test
  void whenTheSandboxClockPassesTheTokenLifetimeThenTheProviderRefreshesItself() {
    starter(sandbox.tokensFor().refreshToken())
        .run(
            context -> {
              AccessTokenProvider provider = context.getBean(AccessTokenProvider.class);
              String first = provider.accessToken();
              assertThat(provider.accessToken()).isEqualTo(first);

              sandbox.advanceClock(Duration.ofMinutes(30));
              String second = provider.accessToken();

              assertThat(second).isNotEqualTo(first);
              HubSpotOAuthClient client = context.getBean(HubSpotOAuthClient.class);
              assertThat(client.introspect(second)).isInstanceOf(ActiveAccessToken.class);
            });
  }

  @Test
  void whenTheSpringRestClientCallsTheSandboxAndAnotherHostThenOnlyTheSandboxGetsTheToken()
      throws Exception {
    List<String> otherHostAuthorization = new CopyOnWriteArrayList<>();
    HttpServer other =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    other.createContext(
        "/",
        exchange -> {
          otherHostAuthorization.add(
              String.valueOf(exchange.getRequestHeaders().getFirst(HttpHeaders.AUTHORIZATION)));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    other.start();
    try {
      starter(sandbox.tokensFor().refreshToken())
          .run(
              context -> {
                List<String> sentToSandbox = new CopyOnWriteArrayList<>();
                RestClient http =
                    context
                        .getBean(RestClient.Builder.class)
                        .requestInterceptor(
                            (request, body, execution) -> {
                              sentToSandbox.add(
                                  String.valueOf(
                                      request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION)));
                              return execution.execute(request, body);
                            })
                        .build();
                String token = context.getBean(AccessTokenProvider.class).accessToken();

                // An OAuth endpoint takes the token in its path, never as a bearer; the sandbox's
                // health stands in for a HubSpot API on an allowed host.
                String metadata =
                    http.get()
                        .uri(sandbox.baseUrl() + "/oauth/v1/access-tokens/{token}", token)
                        .retrieve()
                        .body(String.class);
                http.get()
                    .uri(sandbox.baseUrl() + "/sandbox/v1/health")
                    .retrieve()
                    .toBodilessEntity();
                // The sandbox is 127.0.0.1; "localhost" is another host, though the same machine.
                http.get()
                    .uri("http://localhost:" + other.getAddress().getPort() + "/upload")
                    .retrieve()
                    .toBodilessEntity();

                assertThat(metadata).contains("\"hub_id\":62515");
                // In order: the OAuth endpoint, the health, the other host.
                assertThat(sentToSandbox).containsExactly("null", "Bearer " + token, "null");
                assertThat(otherHostAuthorization).containsExactly("null");
              });
    } finally {
      other.stop(0);
    }
  }

  @Test
  void whenTheRefreshTokenWorksThenHealthIsUpAndOtherwiseDownWithTheCategory() {
    starter(sandbox.tokensFor().refreshToken())
        .run(
            context ->
                assertThat(context.getBean(HubSpotOAuthHealthIndicator.class).health().getStatus())
                    .isEqualTo(Status.UP));
    String unknown = "rt-unknown-0a1b2c3d";
    starter(unknown)
        .withPropertyValues("hubspot.oauth.token-provider.max-attempts=1")
        .run(
            context -> {
              Health health = context.getBean(HubSpotOAuthHealthIndicator.class).health();
              assertThat(health.getStatus()).isEqualTo(Status.DOWN);
              assertThat(health.getDetails())
                  .containsEntry("category", "VALIDATION_ERROR")
                  .containsKey("subCategory")
                  .containsEntry("httpStatus", 400);
              assertThat(health.toString()).doesNotContain(unknown);
            });
  }
}
