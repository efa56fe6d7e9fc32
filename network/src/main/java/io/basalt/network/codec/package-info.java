/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Helpers the message codecs share: a hand-written protobuf field reader and writer over
 * protobuf-java's {@code CodedInputStream}/{@code CodedOutputStream} (no generated classes), and
 * {@link io.basalt.network.codec.Decoding}, which turns any decoding failure into a {@link
 * io.basalt.network.frame.FrameException} naming the message.
 */
package io.basalt.network.codec;
