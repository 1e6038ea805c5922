package dev.oauthkit.hubspot.contract.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends one HTTP/1.1 request over a socket (TLS for an {@code https} base URL), for request lines
 * that {@link java.net.URI} refuses to build (malformed percent escapes such as {@code %zz}). The
 * base URL's path goes before the raw path, as it does for every other request.
 */
final class RawHttp {

  private static final int TIMEOUT_MS = 10_000;

  private RawHttp() {}

  static Exchange send(
      URI base, String method, String rawPath, String contentType, byte[] body, String name) {
    boolean tls = "https".equalsIgnoreCase(base.getScheme());
    int port = base.getPort() >= 0 ? base.getPort() : tls ? 443 : 80;
    try (Socket socket = open(base.getHost(), port, tls)) {
      socket.setSoTimeout(TIMEOUT_MS);
      OutputStream out = socket.getOutputStream();
      StringBuilder head = new StringBuilder();
      head.append(method).append(' ').append(basePath(base)).append(rawPath);
      head.append(" HTTP/1.1\r\n");
      head.append("Host: ").append(base.getHost()).append(':').append(port).append("\r\n");
      head.append("Connection: close\r\n");
      if (contentType != null) {
        head.append("Content-Type: ").append(contentType).append("\r\n");
      }
      byte[] payload = body == null ? new byte[0] : body;
      head.append("Content-Length: ").append(payload.length).append("\r\n\r\n");
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(payload);
      out.flush();
      return parse(name, socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      return new Exchange(name, -1, null, "", e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /**
   * A plain socket, or a TLS one that names the host (SNI), checks the certificate as the other
   * requests do (default trust, host name) and has finished its handshake.
   */
  private static Socket open(String host, int port, boolean tls) throws IOException {
    if (!tls) {
      return new Socket(host, port);
    }
    SSLSocket socket = (SSLSocket) SSLSocketFactory.getDefault().createSocket(host, port);
    try {
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.setSoTimeout(TIMEOUT_MS);
      socket.startHandshake();
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /** The base URL's raw path without a trailing slash, e.g. {@code /hubspot}; empty for none. */
  private static String basePath(URI base) {
    String path = base.getRawPath() == null ? "" : base.getRawPath();
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static Exchange parse(String name, byte[] response) throws IOException {
    String text = new String(response, StandardCharsets.ISO_8859_1);
    int headEnd = text.indexOf("\r\n\r\n");
    if (headEnd < 0 || !text.startsWith("HTTP/1.")) {
      return new Exchange(name, -1, null, "", "not an HTTP response");
    }
    String[] lines = text.substring(0, headEnd).split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    if (statusLine.length < 2 || !statusLine[1].matches("[1-9][0-9]{2}")) {
      return new Exchange(
          name, -1, null, "", "not an HTTP response: malformed status line '" + lines[0] + "'");
    }
    int status = Integer.parseInt(statusLine[1]);
    String contentType = null;
    boolean chunked = false;
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].toLowerCase(Locale.ROOT);
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers
            .computeIfAbsent(lines[i].substring(0, colon).trim(), key -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
      if (line.startsWith("content-type:")) {
        contentType = lines[i].substring("content-type:".length()).trim();
      } else if (line.startsWith("transfer-encoding:") && line.contains("chunked")) {
        chunked = true;
      }
    }
    byte[] rest = text.substring(headEnd + 4).getBytes(StandardCharsets.ISO_8859_1);
    byte[] body = chunked ? dechunk(rest) : rest;
    if (body == null) {
      return new Exchange(name, -1, null, "", "not an HTTP response: malformed chunk size");
    }
    return new Exchange(
        name, status, contentType, new String(body, StandardCharsets.UTF_8), null, headers);
  }

  /** The chunks joined, or {@code null} when a chunk size is not a hexadecimal number. */
  private static byte[] dechunk(byte[] chunked) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream in = new java.io.ByteArrayInputStream(chunked);
    while (true) {
      String sizeLine = readLine(in);
      if (sizeLine == null) {
        break;
      }
      String hex = sizeLine.split(";")[0].trim();
      if (!hex.matches("[0-9a-fA-F]{1,7}")) {
        return null;
      }
      int size = Integer.parseInt(hex, 16);
      if (size == 0) {
        break;
      }
      out.write(in.readNBytes(size));
      readLine(in);
    }
    return out.toByteArray();
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        return line.toString().trim();
      }
      line.append((char) c);
    }
    return line.length() == 0 ? null : line.toString();
  }
}
