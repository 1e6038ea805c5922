package dev.oauthkit.hubspot.restclient.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oauthkit.hubspot.core.ClientSettings;
import dev.oauthkit.hubspot.core.stack.ErrorBodies;
import dev.oauthkit.hubspot.core.stack.ErrorResponse;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.DefaultUriBuilderFactory;

/**
 * The {@link RestClient} a {@link HubSpotOAuthRestClient} sends through: a copy of the user's
 * builder (or a new one) with the settings' timeouts, strict encoding of path variables (a token
 * with {@code /} stays one segment), the facade's Jackson mapper first among the converters and a
 * 2xx body of any other Content-Type read as JSON with it too, User-Agent and Accept once each, and
 * every non-2xx answer read into an {@link ErrorResponse}. A Content-Type Spring cannot parse (an
 * unknown charset) is dropped, so the body is read as UTF-8. The copy observes nothing ({@link
 * ObservationRegistry#NOOP}): the builder's registry would record each request's URL, which holds
 * the token on v1's metadata and revocation calls.
 */
final class FacadeRestClient {

  /** A timeout not set when the other is, or both without a builder: OkHttp's default. */
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private FacadeRestClient() {}

  @SuppressWarnings({"deprecation", "removal"}) // Jackson 2's converter, deprecated in Spring 7
  static RestClient create(ClientSettings settings, RestClient.Builder base, ObjectMapper mapper) {
    RestClient.Builder builder =
        (base != null ? base.clone() : RestClient.builder())
            .observationRegistry(ObservationRegistry.NOOP);
    boolean timeouts = settings.connectTimeout().isPresent() || settings.readTimeout().isPresent();
    if (base == null || timeouts) {
      builder.requestFactory(requestFactory(settings));
    }
    return builder
        .uriBuilderFactory(new DefaultUriBuilderFactory())
        .messageConverters(
            converters -> {
              converters.add(
                  0,
                  new org.springframework.http.converter.json.MappingJackson2HttpMessageConverter(
                      mapper));
              converters.add(1, new AnyContentTypeAsJson(mapper));
            })
        .requestInterceptor(headers(settings.userAgent()))
        .requestInterceptor(FacadeRestClient::withParsableContentType)
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

  /**
   * The answer, without its Content-Type if Spring cannot parse it (an unknown charset throws
   * {@link InvalidMediaTypeException} wherever Spring reads it): the body is then read as UTF-8, as
   * OkHttp reads it on the other stacks.
   */
  private static ClientHttpResponse withParsableContentType(
      HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
    ClientHttpResponse response = execution.execute(request, body);
    try {
      response.getHeaders().getContentType();
      return response;
    } catch (InvalidMediaTypeException e) {
      HttpHeaders headers = new HttpHeaders();
      response
          .getHeaders()
          .forEach(
              (name, values) -> {
                if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                  headers.addAll(name, values);
                }
              });
      return new WithHeaders(response, headers);
    }
  }

  /** {@code response} with other headers. */
  private record WithHeaders(ClientHttpResponse response, HttpHeaders headers)
      implements ClientHttpResponse {

    @Override
    public HttpStatusCode getStatusCode() throws IOException {
      return response.getStatusCode();
    }

    @Override
    public String getStatusText() throws IOException {
      return response.getStatusText();
    }

    @Override
    public HttpHeaders getHeaders() {
      return headers;
    }

    @Override
    public InputStream getBody() throws IOException {
      return response.getBody();
    }

    @Override
    public void close() {
      response.close();
    }
  }

  /**
   * Reads a 2xx body whose Content-Type is not JSON (text/plain, text/html, none) as JSON with the
   * facade's mapper, as Retrofit's and Feign's Jackson converters read every body; the body of a
   * {@code Void} answer (a revocation) is not read. Writes nothing.
   */
  private record AnyContentTypeAsJson(ObjectMapper mapper) implements HttpMessageConverter<Object> {

    @Override
    public boolean canRead(Class<?> type, MediaType mediaType) {
      return true;
    }

    @Override
    public boolean canWrite(Class<?> type, MediaType mediaType) {
      return false;
    }

    @Override
    public List<MediaType> getSupportedMediaTypes() {
      return List.of(MediaType.ALL);
    }

    @Override
    public Object read(Class<?> type, HttpInputMessage input) throws IOException {
      if (type == Void.class) {
        return null;
      }
      MediaType contentType = input.getHeaders().getContentType();
      Charset charset = contentType != null ? contentType.getCharset() : null;
      return charset != null
          ? mapper.readValue(new InputStreamReader(input.getBody(), charset), type)
          : mapper.readValue(input.getBody(), type);
    }

    @Override
    public void write(Object body, MediaType contentType, HttpOutputMessage output) {
      throw new IllegalStateException("reads only: canWrite is false for every type");
    }
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
