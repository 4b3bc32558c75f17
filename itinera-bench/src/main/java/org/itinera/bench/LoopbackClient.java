package org.itinera.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 keep-alive client for load generation: one connection, one request at a
 * time, {@code Content-Length} bodies only. The JDK's {@code java.net.http} client spends about
 * half a millisecond of CPU per request, which on a 2-core machine would be measured as the
 * server's cost; this one spends a few microseconds, like {@code wrk} or a tuned SDK would.
 */
final class LoopbackClient implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final byte[] head;

  /** A reply: status and body. */
  record Reply(int status, String body) {}

  LoopbackClient(String host, int port, String path, String authorization) throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(host, port), 10_000);
    socket.setSoTimeout(60_000);
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
        + "\r\nAuthorization: " + authorization
        + "\r\nContent-Type: application/json\r\nContent-Length: ")
        .getBytes(StandardCharsets.US_ASCII);
  }

  Reply post(byte[] body) throws IOException {
    byte[] length = (body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] request = new byte[head.length + length.length + body.length];
    System.arraycopy(head, 0, request, 0, head.length);
    System.arraycopy(length, 0, request, head.length, length.length);
    System.arraycopy(body, 0, request, head.length + length.length, body.length);
    out.write(request);
    out.flush();
    String status = line();
    if (!status.startsWith("HTTP/1.1 ")) {
      throw new IOException("not an HTTP/1.1 reply: " + status);
    }
    int code = Integer.parseInt(status.substring(9, 12));
    int contentLength = -1;
    for (String h = line(); !h.isEmpty(); h = line()) {
      if (h.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        contentLength = Integer.parseInt(h.substring(15).strip());
      }
    }
    if (contentLength < 0) {
      throw new IOException("reply without Content-Length");
    }
    return new Reply(code, new String(in.readNBytes(contentLength), StandardCharsets.UTF_8));
  }

  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream(64);
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed by the server");
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    return b.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
