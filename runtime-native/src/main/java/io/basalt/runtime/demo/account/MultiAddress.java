/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.account;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import java.util.Optional;

/**
 * {@code sp_runtime::MultiAddress<AccountId32, ()>}. Only {@link Id} resolves to an account
 * (runtime-spec §2); the other variants decode but fail the lookup.
 */
public sealed interface MultiAddress {

  /** Variant 0: an account id. */
  record Id(AccountId account) implements MultiAddress {}

  /** Variant 1: an account index ({@code Compact<()>}, no bytes). */
  record Index() implements MultiAddress {}

  /** Variant 2: raw bytes. */
  record Raw(Bytes bytes) implements MultiAddress {}

  /** Variant 3: 32 bytes. */
  record Address32(Bytes bytes) implements MultiAddress {}

  /** Variant 4: 20 bytes. */
  record Address20(Bytes bytes) implements MultiAddress {}

  /** {@code MultiAddress::Id(account)}. */
  static MultiAddress id(AccountId account) {
    return new Id(account);
  }

  /** The account this address names, if it is an {@link Id}. */
  default Optional<AccountId> lookup() {
    return this instanceof Id(AccountId account) ? Optional.of(account) : Optional.empty();
  }

  /**
   * Decodes a {@code MultiAddress}.
   *
   * @throws ScaleDecodingException for an unknown variant or short input
   */
  static MultiAddress decode(ScaleReader r) {
    int variant = r.readVariant("MultiAddress", 5);
    return switch (variant) {
      case 0 -> new Id(AccountId.decode(r));
      case 1 -> new Index();
      case 2 -> new Raw(r.readByteVec());
      case 3 -> new Address32(r.readFixed(32));
      default -> new Address20(r.readFixed(20));
    };
  }

  default void encode(ScaleWriter w) {
    switch (this) {
      case Id(AccountId account) -> {
        w.writeU8(0);
        account.encode(w);
      }
      case Index() -> w.writeU8(1);
      case Raw(Bytes bytes) -> w.writeU8(2).writeByteVec(bytes);
      case Address32(Bytes bytes) -> w.writeU8(3).writeRaw(bytes);
      case Address20(Bytes bytes) -> w.writeU8(4).writeRaw(bytes);
    }
  }
}
