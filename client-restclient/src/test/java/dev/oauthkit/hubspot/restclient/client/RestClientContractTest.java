package dev.oauthkit.hubspot.restclient.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.AllowedHosts;
import dev.oauthkit.hubspot.core.HubSpotOAuthClient;
import dev.oauthkit.hubspot.core.HubSpotOAuthException;
import dev.oauthkit.hubspot.core.contract.HubSpotOAuthClientContract;
import java.util.List;
import java.util.function.Function;
import org.springframework.web.client.RestClient;

/** Runs the shared client contract against the RestClient facade and its interceptor. */
class RestClientContractTest extends HubSpotOAuthClientContract {

  RestClientContractTest() {
    super(HubSpotOAuthRestClient::builder, HubSpotOAuthRestClient.DEFAULT_USER_AGENT);
  }

  @Override
  protected HubSpotOAuthRestClient.Builder builderWithBaseClientHeader(String name, String value) {
    return HubSpotOAuthRestClient.builder()
        .restClientBuilder(
            RestClient.builder()
                .requestInterceptor(
                    (request, body, execution) -> {
                      request.getHeaders().set(name, value);
                      return execution.execute(request, body);
                    }));
  }

  /** A plain RestClient with the facade's interceptor; the final status, whatever it is. */
  @Override
  protected int getWithBearer(HubSpotOAuthClient client, String url) {
    RestClient http =
        RestClient.builder()
            .requestInterceptor(((HubSpotOAuthRestClient) client).bearerInterceptor())
            .build();
    return http.get().uri(url).exchange((request, response) -> response.getStatusCode().value());
  }

  /** A RestClient interceptor's runtime exception propagates as it is; nothing is sent. */
  @Override
  protected void assertBearerFailure(Throwable failure) {
    assertThat(failure).isInstanceOf(HubSpotOAuthException.class);
  }

  @Override
  protected List<Function<AccessTokenProvider, Object>> bearerSupport() {
    return List.of(
        provider -> BearerTokenInterceptor.create(provider, AllowedHosts.of("localhost")));
  }
}
