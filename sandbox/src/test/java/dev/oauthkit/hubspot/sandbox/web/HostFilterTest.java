package dev.oauthkit.hubspot.sandbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostFilterTest {

  @Test
  void whenBoundToLoopbackThenOnlyLoopbackNamesPassWithOrWithoutAPort() {
    HostFilter filter = HostFilter.of("127.0.0.1", List.of());

    assertThat(List.of("localhost", "LOCALHOST:8080", "127.0.0.1", "127.0.0.1:1", "[::1]:8080"))
        .allMatch(filter::allows);
    assertThat(List.of("rebound.example", "rebound.example:8080", "10.0.0.7", "[::2]", ""))
        .noneMatch(filter::allows);
    assertThat(filter.allows(null)).isTrue();
  }

  @Test
  void whenBoundToEveryAddressThenAnyIpPassesButNamesOnlyIfAllowed() {
    HostFilter filter = HostFilter.of("0.0.0.0", List.of("sandbox"));

    assertThat(List.of("10.0.0.7:8080", "[fe80::1]:8080", "sandbox", "Sandbox:9090", "localhost"))
        .allMatch(filter::allows);
    assertThat(List.of("rebound.example", "sandbox.rebound.example", "10.0.0.7.nip.io"))
        .noneMatch(filter::allows);
  }

  @Test
  void whenTheBindAddressIsANameOrAnyHostIsAllowedThenThoseHostsPass() {
    assertThat(HostFilter.of("::1", List.of()).allows("[::1]:8080")).isTrue();
    assertThat(HostFilter.of("192.168.1.5", List.of()).allows("192.168.1.5:8080")).isTrue();
    assertThat(HostFilter.of("192.168.1.5", List.of()).allows("192.168.1.6")).isFalse();
    assertThat(HostFilter.of("127.0.0.1", List.of("*")).allows("anything.example")).isTrue();
  }
}
