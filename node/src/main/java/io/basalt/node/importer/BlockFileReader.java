/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.importer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.types.SignedBlock;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads Substrate's block export formats ({@code sc-service}'s {@code import_blocks}) as a stream:
 *
 * <ul>
 *   <li>binary: the block count as a SCALE {@code u64}, then that many SCALE {@code SignedBlock}s
 *       back to back (anything after them is ignored, as Substrate does);
 *   <li>JSON: {@code SignedBlock} objects one after the other, with or without whitespace between
 *       them ({@link SignedBlockJson}).
 * </ul>
 *
 * <p>Blocks are decoded one at a time, so a file of any length is imported in constant memory (up
 * to the largest block). A truncated or malformed block fails with a {@link BlockFileException}
 * naming the block's position ({@code #1} is the first block in the file) and, for binary input,
 * its byte offset. Input in the other format is recognised from its first bytes and refused with a
 * hint ({@code --binary}, or without it); an empty JSON input is zero blocks, as in Substrate, and
 * {@link #isEmpty()} tells so.
 *
 * <pre>{@code
 * try (BlockFileReader reader = BlockFileReader.open(in, binary)) {
 *   for (Optional<SignedBlock> b = reader.next(); b.isPresent(); b = reader.next()) { ... }
 * }
 * }</pre>
 */
public abstract sealed class BlockFileReader implements AutoCloseable {
  /** The largest SCALE block accepted from a binary file: 128 MiB. */
  public static final int MAX_BLOCK_BYTES = 128 * 1024 * 1024;

  private final InputStream in;

  /** Blocks returned so far. */
  protected long read;

  private BlockFileReader(InputStream in) {
    this.in = in;
  }

  /** How many leading bytes {@link #open} looks at to recognise the other format. */
  static final int SNIFF_BYTES = 512;

  /**
   * A reader of the binary ({@code --binary}) or JSON format.
   *
   * @throws BlockFileException if a binary file does not start with the block count, or the input
   *     looks like the other format
   * @throws UncheckedIOException if reading the input fails
   */
  public static BlockFileReader open(InputStream in, boolean binary) {
    InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in);
    byte[] head = peek(buffered);
    if (binary && looksLikeJson(head)) {
      throw new BlockFileException(
          "Failed to decode the number of blocks: the input looks like JSON, not the binary"
              + " format (a JSON export? drop --binary)");
    }
    if (!binary && looksBinary(head)) {
      throw new BlockFileException(
          "Error reading block #1: the input looks binary, not JSON (a binary export? try"
              + " --binary)");
    }
    return binary ? new Binary(buffered) : new Json(buffered, head.length == 0);
  }

  private static byte[] peek(InputStream in) {
    try {
      in.mark(SNIFF_BYTES);
      byte[] head = in.readNBytes(SNIFF_BYTES);
      in.reset();
      return head;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JSON text starts, after optional whitespace, with an object. */
  private static boolean looksLikeJson(byte[] head) {
    for (byte b : head) {
      if (b == '{') {
        return true;
      }
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return false;
  }

  /** Binary exports start with a u64 count (zero bytes) and hold control bytes; JSON never. */
  private static boolean looksBinary(byte[] head) {
    for (byte b : head) {
      if ((b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7f) {
        return true;
      }
    }
    return false;
  }

  /** Whether the input had no bytes at all (JSON only; a binary input needs its count). */
  public boolean isEmpty() {
    return false;
  }

  /**
   * The next block, or empty at the end of the input.
   *
   * @throws BlockFileException if the next block cannot be read
   * @throws UncheckedIOException if reading the input fails
   */
  public abstract Optional<SignedBlock> next();

  /** The number of blocks the input announces (binary only). */
  public abstract OptionalLong expectedCount();

  /** Blocks returned so far. */
  public long readCount() {
    return read;
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final class Binary extends BlockFileReader {
    private static final int INITIAL_BUFFER = 64 * 1024;

    private final InputStream in;
    private final long expected;
    private byte[] buffer = new byte[INITIAL_BUFFER];
    private int start;
    private int end;
    private boolean eof;

    /** File offset of {@code buffer[start]}. */
    private long offset = 8;

    Binary(InputStream in) {
      super(in);
      this.in = in;
      byte[] count = readCount(in);
      long n = 0;
      for (int i = 7; i >= 0; i--) {
        n = (n << 8) | (count[i] & 0xff);
      }
      this.expected = n;
    }

    private static byte[] readCount(InputStream in) {
      try {
        byte[] count = in.readNBytes(8);
        if (count.length == 0) {
          throw new BlockFileException(
              "Failed to decode the number of blocks: the input is empty (a binary block file"
                  + " starts with the block count as a u64)");
        }
        if (count.length < 8) {
          throw new BlockFileException(
              "Failed to decode the number of blocks: a binary block file starts with the block"
                  + " count as a u64 (8 bytes), but the input has only "
                  + count.length
                  + " byte(s)");
        }
        return count;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public OptionalLong expectedCount() {
      return expected < 0 ? OptionalLong.empty() : OptionalLong.of(expected);
    }

    @Override
    public Optional<SignedBlock> next() {
      if (Long.compareUnsigned(read, expected) >= 0) {
        return Optional.empty();
      }
      long position = read + 1;
      while (true) {
        if (end > start) {
          try {
            ScaleReader r = new ScaleReader(buffer, start, end - start);
            SignedBlock block = SignedBlock.CODEC.decode(r);
            offset += r.position() - start;
            start = r.position();
            read++;
            return Optional.of(block);
          } catch (ScaleDecodingException e) {
            if (eof) {
              throw undecodable(position, e);
            }
          }
        } else if (eof) {
          throw new BlockFileException(
              "Error reading block #"
                  + position
                  + ": the input ends after "
                  + read
                  + " of the "
                  + Long.toUnsignedString(expected)
                  + " blocks its header announces (truncated file?)");
        }
        fill(position);
      }
    }

    /** Reads more input, compacting or growing the buffer first. */
    private void fill(long position) {
      if (start > 0) {
        System.arraycopy(buffer, start, buffer, 0, end - start);
        end -= start;
        start = 0;
      }
      if (end == buffer.length) {
        if (buffer.length >= MAX_BLOCK_BYTES) {
          throw new BlockFileException(
              "Error reading block #"
                  + position
                  + " at byte "
                  + offset
                  + ": it does not decode within "
                  + MAX_BLOCK_BYTES
                  + " bytes");
        }
        buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, MAX_BLOCK_BYTES));
      }
      try {
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
          eof = true;
        } else {
          end += n;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * The error for a block that does not decode from the rest of the input: truncated if more
     * bytes would have let decoding get further, malformed otherwise.
     */
    private BlockFileException undecodable(long position, ScaleDecodingException e) {
      String where = "Error reading block #" + position + " at byte " + offset + ": ";
      if (endsEarly(e)) {
        return new BlockFileException(
            where
                + "the input ends inside the block ("
                + (end - start)
                + " byte(s) left; truncated file?): "
                + e.getMessage(),
            e);
      }
      return new BlockFileException(where + "not a SCALE SignedBlock: " + e.getMessage(), e);
    }

    /**
     * Whether decoding failed because the input ended: decoding the same bytes followed by zeros
     * gets further or fails differently, whereas malformed input fails at the same spot the same
     * way.
     */
    private boolean endsEarly(ScaleDecodingException e) {
      byte[] padded = Arrays.copyOfRange(buffer, start, end + 64 * 1024);
      try {
        SignedBlock.CODEC.decode(new ScaleReader(padded, 0, padded.length));
        return true;
      } catch (ScaleDecodingException p) {
        return p.offset() != e.offset() - start
            || !p.expectedType().equals(e.expectedType())
            || !reason(p).equals(reason(e));
      }
    }

    /** The reason part of "cannot decode T at offset N: reason". */
    private static String reason(ScaleDecodingException e) {
      String m = e.getMessage();
      int colon = m.indexOf(": ");
      return colon < 0 ? m : m.substring(colon + 2);
    }
  }

  static final class Json extends BlockFileReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonParser parser;
    private final boolean empty;

    Json(InputStream in, boolean empty) {
      super(in);
      this.empty = empty;
      try {
        this.parser = MAPPER.createParser(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public OptionalLong expectedCount() {
      return OptionalLong.empty();
    }

    @Override
    public boolean isEmpty() {
      return empty;
    }

    @Override
    public Optional<SignedBlock> next() {
      long position = read + 1;
      JsonNode node;
      try {
        JsonToken token = parser.nextToken();
        if (token == null) {
          return Optional.empty();
        }
        if (token != JsonToken.START_OBJECT) {
          throw new BlockFileException(
              "Error reading block #"
                  + position
                  + " at line "
                  + parser.currentLocation().getLineNr()
                  + ": expected a SignedBlock JSON object, found "
                  + token.asString());
        }
        node = MAPPER.readTree(parser);
      } catch (JsonProcessingException e) {
        throw new BlockFileException(
            "Error reading block #"
                + position
                + ": invalid JSON: "
                + e.getOriginalMessage()
                + " (line "
                + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                + ")",
            e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try {
        SignedBlock block = SignedBlockJson.fromJson(node);
        read++;
        return Optional.of(block);
      } catch (BlockFileException e) {
        throw new BlockFileException("Error reading block #" + position + ": " + e.getMessage(), e);
      }
    }
  }
}
