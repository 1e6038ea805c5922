package dev.oauthkit.hubspot.core.stack;

import java.io.IOException;
import java.util.List;

/**
 * What a stack supplies: its generated APIs and one way to send a call on them. Everything else
 * (which generated method each operation calls, with which arguments, how its answer is checked and
 * mapped) lives in {@link AbstractHubSpotOAuthClient}, once for every stack.
 *
 * <p>A stack reads 2xx bodies with {@link ResponseReading#objectMapper}, so its optional-field
 * warnings name the operation and its required-field failures reach the facade.
 */
public interface HttpStack {

  /**
   * The stack's generated API objects (v1's and the date versions'), each built on its base URL: v1
   * on {@code settings.baseUrl()}, the date versions on {@code
   * settings.apiVersion().apiRoot(settings.baseUrl())}. Together their interfaces declare every
   * operation of {@code Operation}, once each, by its operationId.
   *
   * @return the API objects, for example Retrofit or Feign proxies
   */
  List<Object> apis();

  /**
   * Sends one prepared call, once.
   *
   * @param call the generated method and its arguments, prepared by client-core
   * @return the body of a 2xx answer, decoded to the operation's model; {@code null} when there is
   *     none
   * @throws ErrorResponse for any other answer
   * @throws IOException when sending or reading failed (a {@link
   *     com.fasterxml.jackson.core.JsonProcessingException} when the body could not be read)
   */
  Object send(GeneratedCall call) throws IOException;
}
