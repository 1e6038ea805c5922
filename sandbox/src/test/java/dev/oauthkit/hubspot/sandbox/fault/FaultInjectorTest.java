package dev.oauthkit.hubspot.sandbox.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaultInjectorTest {

  private final FaultInjector faults =
      FaultInjector.forOperations(
          java.util.Set.of(
              "createOrRefreshAccessToken", "getAccessTokenMetadata", "revokeRefreshToken"));

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
}
