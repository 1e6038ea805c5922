package dev.oauthkit.hubspot.feign.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.AllowedHosts;
import dev.oauthkit.hubspot.core.HubSpotOAuthClient;
import dev.oauthkit.hubspot.core.HubSpotOAuthException;
import dev.oauthkit.hubspot.core.contract.HubSpotOAuthClientContract;
import feign.Feign;
import feign.FeignException;
import feign.RequestLine;
import feign.Target;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/** Runs the shared client contract against the Feign facade, its interceptor and capability. */
class FeignClientContractTest extends HubSpotOAuthClientContract {

  /** Another HubSpot API, as an app would declare it; the URI argument picks the URL. */
  interface OtherApi {
    @RequestLine("GET")
    String get(URI uri);
  }

  FeignClientContractTest() {
    super(HubSpotOAuthFeignClient::builder, HubSpotOAuthFeignClient.DEFAULT_USER_AGENT);
  }

  /** The base client's interceptor runs inside feign-okhttp, after the facade's own headers. */
  @Override
  protected HubSpotOAuthFeignClient.Builder builderWithBaseClientHeader(String name, String value) {
    OkHttpClient base =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> chain.proceed(chain.request().newBuilder().header(name, value).build()))
            .build();
    return HubSpotOAuthFeignClient.builder().okHttpClient(base);
  }

  /** A plain Feign client with the facade's interceptor and capability; a failure's status. */
  @Override
  protected int getWithBearer(HubSpotOAuthClient client, String url) {
    HubSpotOAuthFeignClient hubspot = (HubSpotOAuthFeignClient) client;
    OtherApi api =
        Feign.builder()
            .requestInterceptor(hubspot.bearerInterceptor())
            .addCapability(hubspot.unauthorizedRetry())
            .target(Target.EmptyTarget.create(OtherApi.class));
    try {
      api.get(URI.create(url));
      return 200;
    } catch (FeignException e) {
      return e.status();
    }
  }

  /** A Feign interceptor's exception propagates as it is, and the request is not sent. */
  @Override
  protected void assertBearerFailure(Throwable failure) {
    assertThat(failure).isInstanceOf(HubSpotOAuthException.class);
  }

  @Override
  protected List<Function<AccessTokenProvider, Object>> bearerSupport() {
    AllowedHosts hosts = AllowedHosts.of("localhost");
    return List.of(
        provider -> BearerTokenInterceptor.create(provider, hosts),
        provider -> UnauthorizedRetry.create(provider, hosts));
  }
}
