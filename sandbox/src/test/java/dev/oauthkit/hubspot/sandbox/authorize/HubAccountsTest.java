package dev.oauthkit.hubspot.sandbox.authorize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HubAccountsTest {

  private final HubAccounts accounts = HubAccounts.demo();

  @Test
  void whenAccountLacksAnOptionalScopeThenTheGrantDropsItAndKeepsTheRest() {
    HubAccount starter = accounts.account(HubAccounts.STARTER_HUB_ID).orElseThrow();

    assertThat(starter.grant(List.of("oauth"), List.of("automation", "timeline")))
        .containsExactly("oauth", "timeline");
    assertThat(starter.lacking(List.of("oauth", "automation"))).containsExactly("automation");
  }

  @Test
  void whenAccountHasEveryProductThenTheGrantKeepsEveryOptionalScopeOnce() {
    HubAccount full = accounts.account(HubAccounts.FULL_HUB_ID).orElseThrow();

    assertThat(full.grant(List.of("oauth", "automation"), List.of("automation", "timeline")))
        .containsExactly("oauth", "automation", "timeline");
    assertThat(full.hubDomain()).isEqualTo("sandbox-62515.hubspot.test");
  }

  @Test
  void whenIdsAreNotTheSandboxsThenNoAccountOrUserIsFound() {
    assertThat(accounts.account(1)).isEmpty();
    assertThat(accounts.user(1)).isEmpty();
    assertThat(accounts.user(123456).orElseThrow().email()).isEqualTo("user@example.com");
  }
}
