package dev.oauthkit.hubspot.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Assertions on what WireMock received, and a latch-released thread burst, for the contract. */
final class ContractAssertions {

  static final String TOKEN_PATH = "/oauth/v1/token";

  private ContractAssertions() {}

  static List<String> inParallel(int threads, Callable<String> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return task.call();
                }));
      }
      assertThat(ready.await(30, TimeUnit.SECONDS)).as("all threads ready").isTrue();
      go.countDown();
      List<String> results = new ArrayList<>();
      for (Future<String> future : futures) {
        results.add(future.get(30, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** A form POST: no query string, Content-Type once, Accept at most once, exactly {@code form}. */
  static void assertFormRequest(LoggedRequest request, Map<String, String> form) {
    assertFormRequest(request, TOKEN_PATH, form);
  }

  /** A form POST to {@code path}: no query string, Content-Type once, exactly {@code form}. */
  static void assertFormRequest(LoggedRequest request, String path, Map<String, String> form) {
    assertThat(request.getUrl()).isEqualTo(path);
    assertThat(request.getHeaders().getHeader("Content-Type").values())
        .singleElement()
        .satisfies(type -> assertThat(type).startsWith("application/x-www-form-urlencoded"));
    assertAcceptAtMostOnceAndNoBearer(request);
    List<String> names = new ArrayList<>();
    Map<String, String> received = new LinkedHashMap<>();
    for (String pair : request.getBodyAsString().split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
      names.add(name);
      received.put(name, URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    assertThat(names).as("form field names").doesNotHaveDuplicates();
    assertThat(received).as("form fields").isEqualTo(form);
  }

  /** A GET or DELETE of this API: no body, no bearer credential, Accept at most once. */
  static void assertPlainRequest(LoggedRequest request) {
    assertThat(request.getBody()).isEmpty();
    assertThat(request.containsHeader("Content-Type")).isFalse();
    assertAcceptAtMostOnceAndNoBearer(request);
  }

  static void assertAcceptAtMostOnceAndNoBearer(LoggedRequest request) {
    if (request.containsHeader("Accept")) {
      assertThat(request.getHeaders().getHeader("Accept").values()).hasSize(1);
    }
    assertThat(request.containsHeader("Authorization")).as("Authorization header").isFalse();
  }

  static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }
}
