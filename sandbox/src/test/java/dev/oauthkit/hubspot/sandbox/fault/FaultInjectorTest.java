package dev.oauthkit.hubspot.sandbox.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaultInjectorTest {

  private final FaultInjector faults = new FaultInjector();

  @Test
  void whenNothingIsArmedThenNoRequestFails() {
    assertThat(faults.take("createOrRefreshAccessToken")).isEmpty();
  }

  @Test
  void whenAFaultIsArmedThenExactlyCountRequestsOfThatOperationFail() {
    faults.arm("createOrRefreshAccessToken", 503, 2);

    assertThat(faults.take("getAccessTokenMetadata")).isEmpty();
    assertThat(faults.take("createOrRefreshAccessToken")).contains(503);
    assertThat(faults.take("createOrRefreshAccessToken")).contains(503);
    assertThat(faults.take("createOrRefreshAccessToken")).isEmpty();
  }

  @Test
  void whenAFaultIsArmedAgainThenItReplacesTheEarlierOne() {
    faults.arm("revokeRefreshToken", 500, 5);
    faults.arm("revokeRefreshToken", 502, 1);

    assertThat(faults.take("revokeRefreshToken")).contains(502);
    assertThat(faults.take("revokeRefreshToken")).isEmpty();
  }

  @Test
  void whenArgumentsAreOutOfRangeThenTheMessageNamesThem() {
    assertThatThrownBy(() -> faults.arm("dropTables", 500, 1))
        .hasMessageStartingWith("operationId must be one of");
    assertThatThrownBy(() -> faults.arm("revokeRefreshToken", 418, 1))
        .hasMessageStartingWith("status must be one of");
    assertThatThrownBy(() -> faults.arm("revokeRefreshToken", 500, 0))
        .hasMessage("count must be between 1 and 1000, was 0");
  }

  @Test
  void whenRequestsAreMappedThenEachHubSpotRouteHasItsOperation() {
    assertThat(FaultInterceptor.operationId("POST", "/oauth/v1/token"))
        .isEqualTo("createOrRefreshAccessToken");
    assertThat(FaultInterceptor.operationId("GET", "/oauth/v1/access-tokens/x"))
        .isEqualTo("getAccessTokenMetadata");
    assertThat(FaultInterceptor.operationId("GET", "/oauth/v1/refresh-tokens/x"))
        .isEqualTo("getRefreshTokenMetadata");
    assertThat(FaultInterceptor.operationId("DELETE", "/oauth/v1/refresh-tokens/x"))
        .isEqualTo("revokeRefreshToken");
    assertThat(FaultInterceptor.operationId("GET", "/oauth/v1/token")).isNull();
  }
}
