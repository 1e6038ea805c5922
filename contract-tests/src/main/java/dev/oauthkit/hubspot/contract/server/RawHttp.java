package dev.oauthkit.hubspot.contract.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends one HTTP/1.1 request over a plain socket, for request lines that {@link java.net.URI}
 * refuses to build (malformed percent escapes such as {@code %zz}). Only {@code http} base URLs.
 */
final class RawHttp {

  private static final int TIMEOUT_MS = 10_000;

  private RawHttp() {}

  static Exchange send(
      URI base, String method, String rawPath, String contentType, byte[] body, String name) {
    if (!"http".equalsIgnoreCase(base.getScheme())) {
      return new Exchange(name, -1, null, "", "malformed request lines need an http base URL");
    }
    int port = base.getPort() < 0 ? 80 : base.getPort();
    try (Socket socket = new Socket(base.getHost(), port)) {
      socket.setSoTimeout(TIMEOUT_MS);
      OutputStream out = socket.getOutputStream();
      StringBuilder head = new StringBuilder();
      head.append(method).append(' ').append(rawPath).append(" HTTP/1.1\r\n");
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

  private static Exchange parse(String name, byte[] response) throws IOException {
    String text = new String(response, StandardCharsets.ISO_8859_1);
    int headEnd = text.indexOf("\r\n\r\n");
    if (headEnd < 0 || !text.startsWith("HTTP/1.")) {
      return new Exchange(name, -1, null, "", "not an HTTP response");
    }
    String[] lines = text.substring(0, headEnd).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    String contentType = null;
    boolean chunked = false;
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].toLowerCase(Locale.ROOT);
      if (line.startsWith("content-type:")) {
        contentType = lines[i].substring("content-type:".length()).trim();
      } else if (line.startsWith("transfer-encoding:") && line.contains("chunked")) {
        chunked = true;
      }
    }
    byte[] rest = text.substring(headEnd + 4).getBytes(StandardCharsets.ISO_8859_1);
    byte[] body = chunked ? dechunk(rest) : rest;
    return new Exchange(name, status, contentType, new String(body, StandardCharsets.UTF_8), null);
  }

  private static byte[] dechunk(byte[] chunked) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream in = new java.io.ByteArrayInputStream(chunked);
    while (true) {
      String sizeLine = readLine(in);
      if (sizeLine == null) {
        break;
      }
      int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
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
