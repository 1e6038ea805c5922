package dev.oauthkit.hubspot.core.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oauthkit.hubspot.client.model.AccessTokenMetadata;
import dev.oauthkit.hubspot.client.model.RefreshTokenMetadata;
import dev.oauthkit.hubspot.client.model.dated.CreateTokenResponse;
import dev.oauthkit.hubspot.client.model.dated.TokenIntrospection;
import dev.oauthkit.hubspot.core.ApiVersion;
import dev.oauthkit.hubspot.core.ClientSettings;
import dev.oauthkit.hubspot.core.HubSpotOAuthClientBuilder;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.testing.LogCapture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The one stack seam: client-core finds each operation's generated method on the stack's APIs, lays
 * out its arguments and reads its answer; the stack only sends.
 */
class HttpStackTest {

  private static final OAuthCredentials CREDENTIALS =
      OAuthCredentials.of("client-id", "the-secret", "the-refresh");

  /** Builds a client on whatever stack the function makes from the settings. */
  private static final class Builder
      extends HubSpotOAuthClientBuilder<Builder, AbstractHubSpotOAuthClient, Void> {
    Builder(Function<ClientSettings, HttpStack> stack) {
      super(USER_AGENT_PREFIX + "fake", (settings, http) -> new Client(settings, stack));
    }
  }

  private static final class Client extends AbstractHubSpotOAuthClient {
    Client(ClientSettings settings, Function<ClientSettings, HttpStack> stack) {
      super(settings, stack.apply(settings));
    }
  }

  /** A v1 API without {@code revokeRefreshToken}. */
  interface IncompleteV1Api {
    Object createOrRefreshAccessToken(String a, String b, String c, String d, String e, String f);

    Object getAccessTokenMetadata(String token);

    Object getRefreshTokenMetadata(String token);
  }

  /** A v1 API whose {@code getAccessTokenMetadata} takes two parameters. */
  interface OtherArityV1Api extends IncompleteV1Api {
    Object getAccessTokenMetadata(String token, String extra);

    Object revokeRefreshToken(String token);
  }

  /** A v1 API generated as a class implementing no interface, as RestClient's generator does. */
  public static final class V1ApiClass {
    public String createOrRefreshAccessToken(
        String a, String b, String c, String d, String e, String f) {
      return "createOrRefreshAccessToken";
    }

    public String getAccessTokenMetadata(String token) {
      return "getAccessTokenMetadata " + token;
    }

    public String getRefreshTokenMetadata(String token) {
      return "getRefreshTokenMetadata " + token;
    }

    public String revokeRefreshToken(String token) {
      return "revokeRefreshToken " + token;
    }
  }

  @Test
  void whenAnApiIsAPublicClassWithoutInterfacesThenItsOwnMethodsAreCalled() {
    FakeHttpStack stack =
        FakeHttpStack.over(new V1ApiClass(), FakeHttpStack.api(FakeHttpStack.DatedApi.class));
    AbstractHubSpotOAuthClient client =
        new Builder(settings -> stack).apiVersion(ApiVersion.V1).credentials(CREDENTIALS).build();
    stack.answer = request -> new AccessTokenMetadata();

    client.getAccessTokenMetadata("an-access");

    assertThat(stack.sent).containsExactly("getAccessTokenMetadata an-access");
  }

  @Test
  void whenAnOperationsMethodIsMissingThenConstructionFailsNamingItAndTheApiClasses() {
    HttpStack stack =
        FakeHttpStack.over(
            FakeHttpStack.api(IncompleteV1Api.class),
            FakeHttpStack.api(FakeHttpStack.DatedApi.class));

    assertThatThrownBy(() -> new Builder(settings -> stack).credentials(CREDENTIALS).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "apis: no generated method revokeRefreshToken with 1 parameters [token] for the v1")
        .hasMessageContaining(IncompleteV1Api.class.getName())
        .hasMessageContaining(FakeHttpStack.DatedApi.class.getName());
  }

  @Test
  void whenAnOperationsMethodHasAnotherArityThenConstructionFailsNamingBoth() {
    HttpStack stack =
        FakeHttpStack.over(
            new OtherArityV1Api() {
              @Override
              public Object createOrRefreshAccessToken(
                  String a, String b, String c, String d, String e, String f) {
                return null;
              }

              @Override
              public Object getAccessTokenMetadata(String token) {
                return null;
              }

              @Override
              public Object getAccessTokenMetadata(String token, String extra) {
                return null;
              }

              @Override
              public Object getRefreshTokenMetadata(String token) {
                return null;
              }

              @Override
              public Object revokeRefreshToken(String token) {
                return null;
              }
            });

    assertThatThrownBy(() -> new Builder(settings -> stack).credentials(CREDENTIALS).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "apis: no generated method createToken with 10 parameters [grant_type, client_id,")
        .hasMessageContaining("for the date versions")
        .hasMessageContaining(OtherArityV1Api.class.getName());
  }

  @Test
  void whenEachOperationRunsThenItsGeneratedMethodGetsItsArgumentsInTheSpecsOrder() {
    FakeHttpStack v1 = FakeHttpStack.create();
    AbstractHubSpotOAuthClient v1Client =
        new Builder(settings -> v1).apiVersion(ApiVersion.V1).credentials(CREDENTIALS).build();
    v1.answer = request -> AbstractHubSpotOAuthClientTest.token("access", 1800, "next-refresh");
    v1Client.exchangeAuthorizationCode("the-code", "https://app.example/cb");
    v1.answer = request -> new AccessTokenMetadata();
    v1Client.getAccessTokenMetadata("an-access");
    v1.answer = request -> new RefreshTokenMetadata();
    v1Client.getRefreshTokenMetadata("a-refresh");
    v1.answer = request -> null;
    v1Client.revokeRefreshToken("a-refresh");

    FakeHttpStack dated = FakeHttpStack.create();
    AbstractHubSpotOAuthClient datedClient =
        new Builder(settings -> dated).credentials(CREDENTIALS).build();
    dated.answer = request -> grant("access_token");
    datedClient.exchangeAuthorizationCode("the-code", "https://app.example/cb", "the-verifier");
    datedClient.refreshAccessToken("a-refresh");
    dated.answer = request -> grant("client_credentials");
    datedClient.clientCredentialsToken(List.of("s1", "s2"));
    dated.answer = request -> new TokenIntrospection().active(false);
    datedClient.introspect("a-token");
    dated.answer = request -> null;
    datedClient.revokeRefreshToken("a-refresh");

    assertThat(v1.sent)
        .containsExactly(
            "createOrRefreshAccessToken authorization_code client-id the-secret"
                + " https://app.example/cb the-code null",
            "getAccessTokenMetadata an-access",
            "getRefreshTokenMetadata a-refresh",
            "revokeRefreshToken a-refresh");
    assertThat(dated.sent)
        .containsExactly(
            "createToken authorization_code client-id the-secret the-code"
                + " https://app.example/cb the-verifier null null null null",
            "createToken refresh_token client-id the-secret null null null a-refresh null null"
                + " null",
            "createToken client_credentials client-id the-secret null null null null s1 s2 null"
                + " null",
            "introspectToken client-id the-secret a-token null",
            "revokeToken client-id the-secret a-refresh refresh_token");
  }

  @Test
  void whenTwoClientsReadOnOtherThreadsConcurrentlyThenEachWarningNamesItsOperation()
      throws Exception {
    ExecutorService readers = Executors.newFixedThreadPool(2);
    ExecutorService callers = Executors.newFixedThreadPool(2);
    String access =
        "{\"token\":\"t\",\"app_id\":1,\"hub_id\":2,\"user_id\":{\"x\":1},\"scopes\":[],"
            + "\"token_type\":\"access\",\"expires_in\":3}";
    String refresh =
        "{\"token\":\"t\",\"client_id\":\"c\",\"hub_id\":2,\"user_id\":{\"x\":1},\"scopes\":[]}";
    AbstractHubSpotOAuthClient accessClient =
        readingClient(readers, access, AccessTokenMetadata.class);
    AbstractHubSpotOAuthClient refreshClient =
        readingClient(readers, refresh, RefreshTokenMetadata.class);
    int calls = 20;
    List<String> warnings;
    try (LogCapture logs = LogCapture.start()) {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        done.add(callers.submit(() -> accessClient.getAccessTokenMetadata("a")));
        done.add(callers.submit(() -> refreshClient.getRefreshTokenMetadata("r")));
      }
      for (Future<?> call : done) {
        call.get();
      }
      warnings = logs.lines().stream().filter(line -> line.contains("WARNING")).toList();
    } finally {
      readers.shutdown();
      callers.shutdown();
    }

    String dropped =
        ": ignored optional response field $.user_id: expected Integer, found an object";
    assertThat(warnings).hasSize(2 * calls).noneMatch(w -> w.contains("response:"));
    assertThat(warnings)
        .filteredOn(w -> w.contains("getAccessTokenMetadata" + dropped))
        .hasSize(calls);
    assertThat(warnings)
        .filteredOn(w -> w.contains("getRefreshTokenMetadata" + dropped))
        .hasSize(calls);
  }

  /**
   * A v1 client whose stack reads {@code json} into {@code type} with the client's mapper on one of
   * {@code readers}' threads, as an asynchronous HTTP library would.
   */
  private static AbstractHubSpotOAuthClient readingClient(
      ExecutorService readers, String json, Class<?> type) {
    return new Builder(
            settings -> {
              ObjectMapper mapper = ResponseReading.objectMapper(settings);
              FakeHttpStack stack = FakeHttpStack.create();
              stack.answer = request -> readOn(readers, mapper, json, type);
              return stack;
            })
        .apiVersion(ApiVersion.V1)
        .credentials(CREDENTIALS)
        .build();
  }

  private static Object readOn(
      ExecutorService readers, ObjectMapper mapper, String json, Class<?> type) throws IOException {
    try {
      return CompletableFuture.supplyAsync(
              () -> {
                try {
                  return mapper.readValue(json, type);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              },
              readers)
          .get();
    } catch (InterruptedException | ExecutionException e) {
      throw new IOException(e);
    }
  }

  private static CreateTokenResponse grant(String tokenUse) {
    return new CreateTokenResponse()
        .accessToken("access")
        .expiresIn(1800L)
        .tokenType("bearer")
        .refreshToken("access_token".equals(tokenUse) ? "next-refresh" : null)
        .tokenUse(CreateTokenResponse.TokenUseEnum.fromValue(tokenUse));
  }
}
