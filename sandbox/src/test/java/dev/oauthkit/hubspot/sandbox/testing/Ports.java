package dev.oauthkit.hubspot.sandbox.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports for tests that need a server to be unreachable. */
public final class Ports {

  /** Linux hands out free ports (port 0) from 32768 up; macOS and Windows from 49152. */
  private static final int BELOW_FREE_PORTS = 32768;

  private static final int FIRST = 20000;

  private Ports() {}

  /**
   * A loopback port nothing listens on, below the range the OS picks free ports from: a server that
   * another test starts on port 0 meanwhile can never take it, as it can take a port that a {@code
   * new ServerSocket(0)} just gave back.
   */
  public static int closed() {
    for (int port = FIRST; port < BELOW_FREE_PORTS; port++) {
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return port;
      } catch (IOException e) {
        // in use: try the next
      }
    }
    throw new IllegalStateException(
        "no free port between " + FIRST + " and " + (BELOW_FREE_PORTS - 1));
  }
}
