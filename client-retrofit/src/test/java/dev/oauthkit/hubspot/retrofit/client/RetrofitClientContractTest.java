package dev.oauthkit.hubspot.retrofit.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.AllowedHosts;
import dev.oauthkit.hubspot.core.HubSpotOAuthClient;
import dev.oauthkit.hubspot.core.HubSpotOAuthException;
import dev.oauthkit.hubspot.core.contract.HubSpotOAuthClientContract;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Runs the shared client contract against the Retrofit facade and its OkHttp interceptor. */
class RetrofitClientContractTest extends HubSpotOAuthClientContract {

  RetrofitClientContractTest() {
    super(HubSpotOAuthRetrofitClient::builder, HubSpotOAuthRetrofitClient.DEFAULT_USER_AGENT);
  }

  @Override
  protected HubSpotOAuthRetrofitClient.Builder builderWithBaseClientHeader(
      String name, String value) {
    return HubSpotOAuthRetrofitClient.builder()
        .okHttpClient(
            new OkHttpClient.Builder()
                .addInterceptor(
                    chain ->
                        chain.proceed(chain.request().newBuilder().header(name, value).build()))
                .build());
  }

  /** A plain OkHttp client with the facade's interceptor; the final status. */
  @Override
  protected int getWithBearer(HubSpotOAuthClient client, String url) throws IOException {
    OkHttpClient http =
        new OkHttpClient.Builder()
            .addInterceptor(((HubSpotOAuthRetrofitClient) client).bearerInterceptor())
            .build();
    try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
      return response.code();
    }
  }

  /** OkHttp interceptors may only throw IOException: the provider's exception is its cause. */
  @Override
  protected void assertBearerFailure(Throwable failure) {
    assertThat(failure)
        .isInstanceOf(IOException.class)
        .hasMessage("could not obtain a HubSpot access token")
        .hasCauseInstanceOf(HubSpotOAuthException.class);
  }

  @Override
  protected List<Function<AccessTokenProvider, Object>> bearerSupport() {
    return List.of(
        provider -> BearerTokenInterceptor.create(provider, AllowedHosts.of("localhost")));
  }
}
