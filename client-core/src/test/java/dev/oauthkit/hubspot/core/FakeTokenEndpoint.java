package dev.oauthkit.hubspot.core;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A scripted {@link TokenEndpoint}: answers from a queue, records the credentials it got. */
final class FakeTokenEndpoint implements TokenEndpoint {

  private final Deque<Object> answers = new ArrayDeque<>();
  private final List<OAuthCredentials> calls = new CopyOnWriteArrayList<>();
  private CountDownLatch gate = new CountDownLatch(0);

  static FakeTokenEndpoint create() {
    return new FakeTokenEndpoint();
  }

  /** Queues a successful answer. */
  FakeTokenEndpoint thenTokens(String accessToken, long expiresInSeconds, String refreshToken) {
    answers.add(TokenSet.of(accessToken, Duration.ofSeconds(expiresInSeconds), refreshToken));
    return this;
  }

  /** Queues an HTTP error answer. */
  FakeTokenEndpoint thenStatus(int status, Duration retryAfter) {
    answers.add(
        HubSpotOAuthException.builder("createOrRefreshAccessToken", status)
            .retryAfter(retryAfter)
            .build());
    return this;
  }

  /** Queues an IO failure. */
  FakeTokenEndpoint thenIoError() {
    answers.add(new IOException("connection reset"));
    return this;
  }

  /** Makes every call wait until {@code gate} opens. */
  FakeTokenEndpoint blockingUntil(CountDownLatch gate) {
    this.gate = gate;
    return this;
  }

  List<OAuthCredentials> calls() {
    return calls;
  }

  @Override
  public synchronized TokenSet refresh(OAuthCredentials credentials) throws IOException {
    calls.add(credentials);
    try {
      if (!gate.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("gate never opened");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    Object answer = answers.poll();
    if (answer == null) {
      throw new AssertionError("unexpected refresh call #" + calls.size());
    }
    if (answer instanceof IOException) {
      throw (IOException) answer;
    }
    if (answer instanceof HubSpotOAuthException) {
      throw (HubSpotOAuthException) answer;
    }
    return (TokenSet) answer;
  }
}
