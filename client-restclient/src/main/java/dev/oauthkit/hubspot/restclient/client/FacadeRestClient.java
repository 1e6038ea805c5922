package dev.oauthkit.hubspot.restclient.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oauthkit.hubspot.core.ClientSettings;
import dev.oauthkit.hubspot.core.stack.ErrorBodies;
import dev.oauthkit.hubspot.core.stack.ErrorResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.DefaultUriBuilderFactory;

/**
 * The {@link RestClient} a {@link HubSpotOAuthRestClient} sends through: a copy of the user's
 * builder (or a new one) with the settings' timeouts, strict encoding of path variables (a token
 * with {@code /} stays one segment), the facade's Jackson mapper first among the converters,
 * User-Agent and Accept once each, and every non-2xx answer read into an {@link ErrorResponse}.
 */
final class FacadeRestClient {

  /** A timeout not set when the other is, or both without a builder: OkHttp's default. */
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private FacadeRestClient() {}

  @SuppressWarnings({"deprecation", "removal"}) // Jackson 2's converter, deprecated in Spring 7
  static RestClient create(ClientSettings settings, RestClient.Builder base, ObjectMapper mapper) {
    RestClient.Builder builder = base != null ? base.clone() : RestClient.builder();
    boolean timeouts = settings.connectTimeout().isPresent() || settings.readTimeout().isPresent();
    if (base == null || timeouts) {
      builder.requestFactory(requestFactory(settings));
    }
    return builder
        .uriBuilderFactory(new DefaultUriBuilderFactory())
        .messageConverters(
            converters ->
                converters.add(
                    0,
                    new org.springframework.http.converter.json.MappingJackson2HttpMessageConverter(
                        mapper)))
        .requestInterceptor(headers(settings.userAgent()))
        .defaultStatusHandler(
            status -> !status.is2xxSuccessful(),
            (request, response) -> {
              throw errorResponse(response);
            })
        .build();
  }

  /**
   * Spring's {@link JdkClientHttpRequestFactory} on an HTTP/1.1 {@link HttpClient} with the
   * settings' timeouts; the JDK client never resends a POST (a token call) on its own.
   */
  private static JdkClientHttpRequestFactory requestFactory(ClientSettings settings) {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.connectTimeout().orElse(DEFAULT_TIMEOUT))
            .build();
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
    factory.setReadTimeout(settings.readTimeout().orElse(DEFAULT_TIMEOUT));
    return factory;
  }

  /**
   * The transport failure the facade throws: a timeout of the JDK client ({@link
   * HttpTimeoutException}) becomes the {@link SocketTimeoutException} every stack reports.
   */
  static IOException transportFailure(IOException failure) {
    if (failure instanceof HttpTimeoutException) {
      SocketTimeoutException timeout = new SocketTimeoutException(failure.getMessage());
      timeout.initCause(failure);
      return timeout;
    }
    return failure;
  }

  /** User-Agent and Accept, once each, replacing whatever the generated code or builder set. */
  private static ClientHttpRequestInterceptor headers(String userAgent) {
    return (request, body, execution) -> {
      request.getHeaders().set(HttpHeaders.USER_AGENT, userAgent);
      request.getHeaders().setAccept(List.of(MediaType.APPLICATION_JSON));
      return execution.execute(request, body);
    };
  }

  /** Status, Retry-After and at most {@link ErrorBodies#MAX_BODY_CHARS} of the body. */
  private static ErrorResponse errorResponse(ClientHttpResponse response) throws IOException {
    HttpStatusCode status = response.getStatusCode();
    MediaType type = response.getHeaders().getContentType();
    Charset charset =
        type != null && type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
    return ErrorResponse.of(
        status.value(),
        response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER),
        ErrorBodies.read(new InputStreamReader(response.getBody(), charset)));
  }
}
