package dev.oauthkit.hubspot.contract.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The flows follow refresh token rotation and never assume a refresh token survives a refresh. */
class FlowStepsTest {

  private static Exchange answer(String body) {
    return new Exchange("refresh", 200, "application/json", body, null);
  }

  @Test
  void whenARefreshAnswerCarriesAnotherRefreshTokenThenTheFlowGoesOnWithIt() {
    Exchange rotated = answer("{\"access_token\":\"a2\",\"refresh_token\":\"r2\"}");

    assertThat(FlowSteps.refreshTokenAfter(rotated, "r1")).isEqualTo("r2");
  }

  @Test
  void whenARefreshAnswerCarriesTheSameOrNoRefreshTokenThenThePresentedOneStays() {
    assertThat(FlowSteps.refreshTokenAfter(answer("{\"refresh_token\":\"r1\"}"), "r1"))
        .isEqualTo("r1");
    assertThat(FlowSteps.refreshTokenAfter(answer("{\"access_token\":\"a2\"}"), "r1"))
        .isEqualTo("r1");
    assertThat(FlowSteps.refreshTokenAfter(answer("not json"), "r1")).isEqualTo("r1");
  }
}
