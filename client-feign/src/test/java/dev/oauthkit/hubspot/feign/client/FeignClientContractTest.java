package dev.oauthkit.hubspot.feign.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oauthkit.hubspot.core.HubSpotOAuthClient;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.TokenProviderOptions;
import dev.oauthkit.hubspot.core.contract.HubSpotOAuthClientContract;
import dev.oauthkit.hubspot.feign.model.AccessTokenMetadata;
import dev.oauthkit.hubspot.feign.model.RefreshTokenMetadata;
import dev.oauthkit.hubspot.feign.model.TokenResponse;
import feign.Feign;
import feign.FeignException;
import feign.RequestLine;
import feign.Target;
import java.net.URI;

/** Runs the shared client contract against the Feign facade. */
class FeignClientContractTest
    extends HubSpotOAuthClientContract<TokenResponse, AccessTokenMetadata, RefreshTokenMetadata> {

  private static final ObjectMapper JSON =
      new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

  /** Another HubSpot API, as an app would declare it; the URI argument picks the URL. */
  interface OtherApi {
    @RequestLine("GET")
    String get(URI uri);
  }

  @Override
  protected HubSpotOAuthClient<TokenResponse, AccessTokenMetadata, RefreshTokenMetadata> newClient(
      String baseUrl, OAuthCredentials credentials, TokenProviderOptions options) {
    return HubSpotOAuthFeignClient.builder()
        .baseUrl(baseUrl)
        .credentials(credentials)
        .tokenProviderOptions(options)
        .build();
  }

  @Override
  protected JsonNode toJson(Object model) {
    return JSON.valueToTree(model);
  }

  /** A plain Feign client with the facade's interceptor and capability; a failure's status. */
  @Override
  protected int getWithBearer(
      HubSpotOAuthClient<TokenResponse, AccessTokenMetadata, RefreshTokenMetadata> client,
      String url) {
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
}
