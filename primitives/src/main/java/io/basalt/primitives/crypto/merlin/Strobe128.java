/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.merlin;

import io.basalt.primitives.hash.KeccakSponge;

/**
 * The subset of STROBE v1.0.2 at 128-bit security that Merlin uses: meta-AD, AD, PRF and KEY
 * operations over Keccak-f[1600] with rate 166. Mutable and not thread-safe; {@link #copy()} forks
 * the state.
 */
final class Strobe128 {
  private static final int RATE = 166;
  private static final int FLAG_I = 1;
  private static final int FLAG_A = 1 << 1;
  private static final int FLAG_C = 1 << 2;
  private static final int FLAG_T = 1 << 3;
  private static final int FLAG_M = 1 << 4;
  private static final int FLAG_K = 1 << 5;

  private final byte[] state;
  private int pos;
  private int posBegin;
  private int curFlags;

  private Strobe128(byte[] state, int pos, int posBegin, int curFlags) {
    this.state = state;
    this.pos = pos;
    this.posBegin = posBegin;
    this.curFlags = curFlags;
  }

  static Strobe128 create(byte[] protocolLabel) {
    byte[] st = new byte[200];
    byte[] init = {1, (byte) (RATE + 2), 1, 0, 1, 96};
    System.arraycopy(init, 0, st, 0, init.length);
    byte[] version = "STROBEv1.0.2".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    System.arraycopy(version, 0, st, 6, version.length);
    KeccakSponge.permute(st);
    Strobe128 strobe = new Strobe128(st, 0, 0, 0);
    strobe.metaAd(protocolLabel, false);
    return strobe;
  }

  Strobe128 copy() {
    return new Strobe128(state.clone(), pos, posBegin, curFlags);
  }

  void metaAd(byte[] data, boolean more) {
    beginOp(FLAG_M | FLAG_A, more);
    absorb(data);
  }

  void ad(byte[] data, boolean more) {
    beginOp(FLAG_A, more);
    absorb(data);
  }

  void prf(byte[] out, boolean more) {
    beginOp(FLAG_I | FLAG_A | FLAG_C, more);
    squeeze(out);
  }

  void key(byte[] data, boolean more) {
    beginOp(FLAG_A | FLAG_C, more);
    overwrite(data);
  }

  /** Overwrites the state so a discarded copy leaves no secret material behind. */
  void destroy() {
    java.util.Arrays.fill(state, (byte) 0);
  }

  private void runF() {
    state[pos] ^= (byte) posBegin;
    state[pos + 1] ^= 0x04;
    state[RATE + 1] ^= (byte) 0x80;
    KeccakSponge.permute(state);
    pos = 0;
    posBegin = 0;
  }

  private void absorb(byte[] data) {
    for (byte b : data) {
      state[pos] ^= b;
      pos++;
      if (pos == RATE) {
        runF();
      }
    }
  }

  private void overwrite(byte[] data) {
    for (byte b : data) {
      state[pos] = b;
      pos++;
      if (pos == RATE) {
        runF();
      }
    }
  }

  private void squeeze(byte[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = state[pos];
      state[pos] = 0;
      pos++;
      if (pos == RATE) {
        runF();
      }
    }
  }

  private void beginOp(int flags, boolean more) {
    if (more) {
      if (curFlags != flags) {
        throw new IllegalStateException(
            "STROBE continued an operation with flags " + flags + " after " + curFlags);
      }
      return;
    }
    if ((flags & FLAG_T) != 0) {
      throw new IllegalStateException("STROBE transport operations are not supported");
    }
    int oldBegin = posBegin;
    posBegin = pos + 1;
    curFlags = flags;
    absorb(new byte[] {(byte) oldBegin, (byte) flags});
    boolean forceF = (flags & (FLAG_C | FLAG_K)) != 0;
    if (forceF && pos != 0) {
      runF();
    }
  }
}
