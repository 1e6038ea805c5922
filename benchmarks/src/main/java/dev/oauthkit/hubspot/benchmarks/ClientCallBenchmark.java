package dev.oauthkit.hubspot.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oauthkit.hubspot.client.model.AccessTokenMetadata;
import dev.oauthkit.hubspot.core.ApiVersion;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.feign.client.HubSpotOAuthFeignClient;
import dev.oauthkit.hubspot.restclient.client.HubSpotOAuthRestClient;
import dev.oauthkit.hubspot.retrofit.client.HubSpotOAuthRetrofitClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Per-call cost of {@code getAccessTokenMetadata} through each client facade, beside the floor: a
 * raw OkHttp GET plus a Jackson decode of the same JSON into the same generated model, from the
 * same in-process server, and beside a raw call of the facade's own library: a plain Retrofit or
 * Feign interface for the same GET, and a raw RestClient GET on the RestClient facade's default
 * transport. The facades add the generated API proxy, the User-Agent/Accept interceptor and the
 * error check; everything else (socket, HTTP parsing, JSON) is shared.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class ClientCallBenchmark {

  private StaticJsonServer server;
  private OkHttpClient okHttp;
  private ObjectMapper mapper;
  private Request rawRequest;
  private HubSpotOAuthRetrofitClient retrofit;
  private HubSpotOAuthFeignClient feignClient;
  private RestClient restClient;
  private URI rawUri;
  private HubSpotOAuthRestClient restClientFacade;
  private RawRetrofitApi rawRetrofit;
  private RawFeignApi rawFeign;

  /** The same GET as a plain Retrofit interface, the reference for the Retrofit facade. */
  interface RawRetrofitApi {
    @retrofit2.http.GET("oauth/v1/access-tokens/{token}")
    @retrofit2.http.Headers("Accept: application/json")
    retrofit2.Call<AccessTokenMetadata> get(@retrofit2.http.Path("token") String token);
  }

  /** The same GET as a plain Feign interface, the reference for the Feign facade. */
  interface RawFeignApi {
    @feign.RequestLine("GET /oauth/v1/access-tokens/{token}")
    @feign.Headers("Accept: application/json")
    AccessTokenMetadata get(@feign.Param("token") String token);
  }

  @Setup(Level.Trial)
  public void start() throws IOException {
    server = StaticJsonServer.start();
    okHttp = new OkHttpClient();
    // Plain Jackson ignoring unknown fields (the facades add tolerant reading on top).
    mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    rawRequest =
        new Request.Builder()
            .url(
                HttpUrl.get(server.baseUrl())
                    .newBuilder()
                    .addPathSegments("oauth/v1/access-tokens")
                    .addPathSegment(StaticJsonServer.TOKEN)
                    .build())
            .header("Accept", "application/json")
            .build();
    OAuthCredentials credentials = OAuthCredentials.of("bench-client", "bench-secret", "bench-rt");
    retrofit =
        HubSpotOAuthRetrofitClient.builder()
            .apiVersion(ApiVersion.V1)
            .baseUrl(server.baseUrl())
            .credentials(credentials)
            .build();
    feignClient =
        HubSpotOAuthFeignClient.builder()
            .apiVersion(ApiVersion.V1)
            .baseUrl(server.baseUrl())
            .credentials(credentials)
            .build();
    // The RestClient floor: the facade's default transport (JDK HttpClient, HTTP/1.1), plain
    // Jackson.
    restClient = rawRestClient(mapper);
    rawUri = rawRequest.url().uri();
    rawRetrofit =
        new retrofit2.Retrofit.Builder()
            .baseUrl(server.baseUrl())
            .client(okHttp)
            .addConverterFactory(retrofit2.converter.jackson.JacksonConverterFactory.create(mapper))
            .build()
            .create(RawRetrofitApi.class);
    rawFeign =
        feign.Feign.builder()
            .client(new feign.okhttp.OkHttpClient(okHttp))
            .decoder(new feign.jackson.JacksonDecoder(mapper))
            .target(RawFeignApi.class, server.baseUrl());
    restClientFacade =
        HubSpotOAuthRestClient.builder()
            .apiVersion(ApiVersion.V1)
            .baseUrl(server.baseUrl())
            .credentials(credentials)
            .build();
  }

  @SuppressWarnings({"deprecation", "removal"}) // Jackson 2's converter, as the facade uses
  private static RestClient rawRestClient(ObjectMapper mapper) {
    return RestClient.builder()
        .requestFactory(rawRequestFactory())
        .messageConverters(
            converters ->
                converters.add(
                    0,
                    new org.springframework.http.converter.json.MappingJackson2HttpMessageConverter(
                        mapper)))
        .build();
  }

  /**
   * The transport the facade uses by default, configured the same way: an HTTP/1.1 JDK client with
   * 10 s connect and read timeouts (Spring's JDK factory waits differently with a read timeout, so
   * leaving it out here would measure that, not the facade).
   */
  private static JdkClientHttpRequestFactory rawRequestFactory() {
    JdkClientHttpRequestFactory factory =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(java.time.Duration.ofSeconds(10))
                .build());
    factory.setReadTimeout(java.time.Duration.ofSeconds(10));
    return factory;
  }

  @TearDown(Level.Trial)
  public void stop() {
    server.close();
    okHttp.dispatcher().executorService().shutdown();
    okHttp.connectionPool().evictAll();
  }

  /** The floor: OkHttp GET, status check, Jackson decode into the generated model. */
  @Benchmark
  public AccessTokenMetadata rawOkHttpJackson() throws IOException {
    try (Response response = okHttp.newCall(rawRequest).execute()) {
      ResponseBody body = response.body();
      if (!response.isSuccessful() || body == null) {
        throw new IOException("HTTP " + response.code());
      }
      return mapper.readValue(body.byteStream(), AccessTokenMetadata.class);
    }
  }

  /** The Retrofit reference: a plain Retrofit interface, same OkHttp client and decode. */
  @Benchmark
  public AccessTokenMetadata rawRetrofitJackson() throws IOException {
    retrofit2.Response<AccessTokenMetadata> response =
        rawRetrofit.get(StaticJsonServer.TOKEN).execute();
    if (!response.isSuccessful()) {
      throw new IOException("HTTP " + response.code());
    }
    return response.body();
  }

  /** The Feign reference: a plain Feign interface over the same OkHttp client and decode. */
  @Benchmark
  public AccessTokenMetadata rawFeignJackson() {
    return rawFeign.get(StaticJsonServer.TOKEN);
  }

  /** The RestClient floor: the same GET, status check and decode on a plain RestClient. */
  @Benchmark
  public AccessTokenMetadata rawRestClientJackson() {
    return restClient
        .get()
        .uri(rawUri)
        .accept(MediaType.APPLICATION_JSON)
        .retrieve()
        .body(AccessTokenMetadata.class);
  }

  /** {@link HubSpotOAuthRestClient#getAccessTokenMetadata(String)}. */
  @Benchmark
  public AccessTokenMetadata restClientFacade() {
    return restClientFacade.getAccessTokenMetadata(StaticJsonServer.TOKEN);
  }

  /** {@link HubSpotOAuthRetrofitClient#getAccessTokenMetadata(String)}. */
  @Benchmark
  public AccessTokenMetadata retrofitFacade() {
    return retrofit.getAccessTokenMetadata(StaticJsonServer.TOKEN);
  }

  /** {@link HubSpotOAuthFeignClient#getAccessTokenMetadata(String)}. */
  @Benchmark
  public AccessTokenMetadata feignFacade() {
    return feignClient.getAccessTokenMetadata(StaticJsonServer.TOKEN);
  }
}
