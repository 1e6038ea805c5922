package dev.oauthkit.hubspot.sandbox.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class PortsTest {

  @Test
  void whenAClosedPortIsAskedForThenNothingListensThereAndPortZeroNeverGivesIt()
      throws IOException {
    int closed = Ports.closed();

    assertThat(closed).isBetween(20000, 32767);
    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), closed).close())
        .isInstanceOf(ConnectException.class);
    try (ServerSocket free = new ServerSocket(0)) {
      assertThat(free.getLocalPort()).isGreaterThanOrEqualTo(32768);
    }
  }
}
