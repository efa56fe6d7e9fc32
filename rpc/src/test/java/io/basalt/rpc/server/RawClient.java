/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A bare TCP client for what the JDK clients will not do: any Host header, and a WebSocket that
 * never reads (its receive buffer is small and nobody drains it).
 */
final class RawClient implements AutoCloseable {
  private final Socket socket;

  private RawClient(Socket socket) {
    this.socket = socket;
  }

  static RawClient connect(InetSocketAddress address, int receiveBuffer) throws IOException {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(receiveBuffer);
    socket.connect(RpcServerConfig.listenAddress(false, address.getPort()));
    socket.setSoTimeout(30_000);
    return new RawClient(socket);
  }

  /** Sends a raw HTTP request and reads the whole response (the server closes or sets a length). */
  String http(String request) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return readResponseHead() + readBody();
  }

  /** Upgrades to a WebSocket; returns the response head. */
  String upgrade(int port) throws IOException {
    String key = Base64.getEncoder().encodeToString(new byte[16]);
    String request =
        "GET / HTTP/1.1\r\nHost: 127.0.0.1:"
            + port
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
            + key
            + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    return readResponseHead();
  }

  /** Sends one masked text frame. */
  void sendText(String text) throws IOException {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(0x81);
    if (payload.length < 126) {
      frame.write(0x80 | payload.length);
    } else if (payload.length < 65536) {
      frame.write(0x80 | 126);
      frame.write(payload.length >>> 8);
      frame.write(payload.length & 0xff);
    } else {
      frame.write(0x80 | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame.write((int) ((long) payload.length >>> shift) & 0xff);
      }
    }
    byte[] mask = {1, 2, 3, 4};
    frame.write(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i % 4]);
    }
    socket.getOutputStream().write(frame.toByteArray());
    socket.getOutputStream().flush();
  }

  /** Reads one unfragmented server frame: its opcode and text. */
  String[] readFrame() throws IOException {
    InputStream in = socket.getInputStream();
    int first = in.read();
    int second = in.read();
    if (first < 0 || second < 0) {
      throw new IOException("connection closed");
    }
    long length = second & 0x7f;
    if (length == 126) {
      length = ((long) in.read() << 8) | in.read();
    } else if (length == 127) {
      length = 0;
      for (int i = 0; i < 8; i++) {
        length = (length << 8) | in.read();
      }
    }
    byte[] payload = in.readNBytes((int) length);
    return new String[] {
      Integer.toString(first & 0x0f), new String(payload, StandardCharsets.UTF_8)
    };
  }

  private String readResponseHead() throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
      matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1 : 0;
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  private String readBody() throws IOException {
    return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
