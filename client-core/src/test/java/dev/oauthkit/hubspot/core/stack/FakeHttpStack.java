package dev.oauthkit.hubspot.core.stack;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A stack without HTTP over fake generated APIs: each generated method returns the request it would
 * send (its name and arguments), which {@link #send} records and answers with {@link #answer}.
 */
final class FakeHttpStack implements HttpStack {

  /** The v1 operations, in the generated methods' parameter order. */
  interface V1Api {
    Object createOrRefreshAccessToken(
        String grantType,
        String clientId,
        String clientSecret,
        String redirectUri,
        String code,
        String refreshToken);

    Object getAccessTokenMetadata(String token);

    Object getRefreshTokenMetadata(String token);

    Object revokeRefreshToken(String token);
  }

  /** The date versions' operations, in the generated methods' parameter order. */
  interface DatedApi {
    Object createToken(
        String grantType,
        String clientId,
        String clientSecret,
        String code,
        String redirectUri,
        String codeVerifier,
        String refreshToken,
        String scope,
        String clientAssertion,
        String clientAssertionType);

    Object introspectToken(String clientId, String clientSecret, String token, String hint);

    Object revokeToken(String clientId, String clientSecret, String token, String hint);
  }

  /** What the fake answers a sent request with. */
  @FunctionalInterface
  interface Answer {
    Object answer(String request) throws IOException;
  }

  final List<String> sent = new ArrayList<>();
  private final List<Object> apis;
  volatile Answer answer = request -> AbstractHubSpotOAuthClientTest.token("access-1", 1800, null);

  private FakeHttpStack(List<Object> apis) {
    this.apis = apis;
  }

  /** A stack over both fake APIs. */
  static FakeHttpStack create() {
    return new FakeHttpStack(List.of(api(V1Api.class), api(DatedApi.class)));
  }

  /** A stack over {@code apis} as they are. */
  static FakeHttpStack over(Object... apis) {
    return new FakeHttpStack(List.of(apis));
  }

  /** A generated API whose methods return "name arg1 arg2 ...". */
  static <T> T api(Class<T> type) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) ->
                method.getName()
                    + " "
                    + Arrays.stream(args).map(String::valueOf).collect(Collectors.joining(" "))));
  }

  @Override
  public List<Object> apis() {
    return apis;
  }

  @Override
  public Object send(GeneratedCall call) throws IOException {
    String request;
    try {
      request = (String) call.invoke();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    synchronized (sent) {
      sent.add(request);
    }
    return answer.answer(request);
  }
}
