package dev.oauthkit.hubspot.sandbox.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay to a server that can be frozen: while frozen, connections stay open and new
 * ones are accepted, but no byte passes either way, as when a server hangs or a network drops
 * packets without resetting anything. {@link #thaw} lets the held bytes through again.
 */
public final class FreezingRelay implements AutoCloseable {

  private final ServerSocket server;
  private final int targetPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile boolean frozen;

  private FreezingRelay(ServerSocket server, int targetPort) {
    this.server = server;
    this.targetPort = targetPort;
  }

  /** Starts relaying a free loopback port to {@code targetPort} on the loopback address. */
  public static FreezingRelay to(int targetPort) {
    try {
      FreezingRelay relay =
          new FreezingRelay(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort);
      daemon(relay::acceptAll, "relay-accept");
      return relay;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the relay's port", e);
    }
  }

  /** The port clients connect to. */
  public int port() {
    return server.getLocalPort();
  }

  /** Stops every byte, in both directions, until {@link #thaw}. */
  public void freeze() {
    frozen = true;
  }

  /** Lets bytes pass again, the held ones first. */
  public void thaw() {
    frozen = false;
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  private void acceptAll() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        sockets.add(client);
        sockets.add(target);
        daemon(() -> copy(client, target), "relay-up");
        daemon(() -> copy(target, client), "relay-down");
      } catch (IOException e) {
        // closed, or the target refused: the client sees its connection end
      }
    }
  }

  private void copy(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        while (frozen) {
          Thread.sleep(5);
        }
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException e) {
      // one side ended the connection
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  private static void daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }
}
