/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Yamux ({@code /yamux/1.0.0}), the stream multiplexer libp2p runs over a Noise-encrypted
 * connection: {@link io.basalt.network.yamux.YamuxSession} is a Netty handler that turns the
 * plaintext byte stream into many {@link io.basalt.network.transport.ByteStream}s with per-stream
 * flow control.
 *
 * <p>Wire format (hashicorp/yamux {@code spec.md}): every frame starts with a 12-byte header,
 * version 0, type (data, window update, ping, go away), flags (SYN, ACK, FIN, RST) as a big-endian
 * u16, the stream id and a length, both big-endian u32. Data frames carry {@code length} bytes; for
 * the other types the length is the window delta, the ping value or the go-away code. The client
 * (dialer) uses odd stream ids, the server even ones; every stream starts with a 256 KiB window.
 *
 * <pre>{@code
 * YamuxSession session = new YamuxSession(true, YamuxConfig.defaults(), inbound -> ...);
 * channel.pipeline().addLast(session);
 * ByteStream stream = session.openStream();
 * stream.setListener(listener);
 * stream.write(bytes);
 * }</pre>
 */
package io.basalt.network.yamux;
