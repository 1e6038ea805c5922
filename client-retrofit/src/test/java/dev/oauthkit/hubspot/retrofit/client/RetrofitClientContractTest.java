package dev.oauthkit.hubspot.retrofit.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oauthkit.hubspot.core.HubSpotOAuthClient;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.TokenProviderOptions;
import dev.oauthkit.hubspot.core.contract.HubSpotOAuthClientContract;
import dev.oauthkit.hubspot.retrofit.model.AccessTokenMetadata;
import dev.oauthkit.hubspot.retrofit.model.RefreshTokenMetadata;
import dev.oauthkit.hubspot.retrofit.model.TokenResponse;
import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Runs the shared client contract against the Retrofit facade. */
class RetrofitClientContractTest
    extends HubSpotOAuthClientContract<TokenResponse, AccessTokenMetadata, RefreshTokenMetadata> {

  private static final ObjectMapper JSON =
      new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

  @Override
  protected HubSpotOAuthClient<TokenResponse, AccessTokenMetadata, RefreshTokenMetadata> newClient(
      String baseUrl, OAuthCredentials credentials, TokenProviderOptions options) {
    return HubSpotOAuthRetrofitClient.builder()
        .baseUrl(baseUrl)
        .credentials(credentials)
        .tokenProviderOptions(options)
        .build();
  }

  @Override
  protected JsonNode toJson(Object model) {
    return JSON.valueToTree(model);
  }

  @Override
  protected int getWithBearer(
      HubSpotOAuthClient<TokenResponse, AccessTokenMetadata, RefreshTokenMetadata> client,
      String url)
      throws IOException {
    OkHttpClient http =
        new OkHttpClient.Builder()
            .addInterceptor(((HubSpotOAuthRetrofitClient) client).bearerInterceptor())
            .build();
    try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
      return response.code();
    }
  }
}
