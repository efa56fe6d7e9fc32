/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.dispatch;

import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;

/**
 * {@code sp_runtime::DispatchError} (runtime-spec §5.2): why an applied call failed. Variants that
 * carry nothing are {@link Simple}; {@link Module} names a pallet's error by index.
 */
public sealed interface DispatchError {

  /** A variant without data: Other, CannotLookup, BadOrigin, ConsumerRemaining, .... */
  record Simple(Kind kind) implements DispatchError {}

  /** {@code Module(ModuleError{index, error: [error, 0, 0, 0]})}. */
  record Module(int palletIndex, int errorIndex) implements DispatchError {}

  /** {@code Token(TokenError)}. */
  record Token(TokenError error) implements DispatchError {}

  /** {@code Arithmetic(ArithmeticError)}. */
  record Arithmetic(ArithmeticError error) implements DispatchError {}

  /** {@code Transactional(TransactionalError)}: 0 LimitReached, 1 NoLayer. */
  record Transactional(int error) implements DispatchError {}

  /** The variants without data, with their SCALE indices. */
  enum Kind {
    OTHER(0),
    CANNOT_LOOKUP(1),
    BAD_ORIGIN(2),
    CONSUMER_REMAINING(4),
    NO_PROVIDERS(5),
    TOO_MANY_CONSUMERS(6),
    EXHAUSTED(10),
    CORRUPTION(11),
    UNAVAILABLE(12),
    ROOT_NOT_ALLOWED(13);

    private final int index;

    Kind(int index) {
      this.index = index;
    }

    public int index() {
      return index;
    }
  }

  /** {@code BadOrigin}. */
  static DispatchError badOrigin() {
    return new Simple(Kind.BAD_ORIGIN);
  }

  /** {@code CannotLookup}. */
  static DispatchError cannotLookup() {
    return new Simple(Kind.CANNOT_LOOKUP);
  }

  default void encode(ScaleWriter w) {
    switch (this) {
      case Simple(Kind kind) -> w.writeU8(kind.index());
      case Module(int pallet, int error) ->
          w.writeU8(3).writeU8(pallet).writeU8(error).writeU8(0).writeU8(0).writeU8(0);
      case Token(TokenError error) -> w.writeU8(7).writeU8(error.index());
      case Arithmetic(ArithmeticError error) -> w.writeU8(8).writeU8(error.index());
      case Transactional(int error) -> w.writeU8(9).writeU8(error);
    }
  }

  static DispatchError decode(ScaleReader r) {
    int at = r.position();
    int index = r.readVariant("DispatchError", 14);
    return switch (index) {
      case 3 -> {
        int pallet = r.readU8();
        int error = r.readU8();
        r.readFixed(3);
        yield new Module(pallet, error);
      }
      case 7 -> new Token(TokenError.fromIndex(r.readVariant("TokenError", 10)));
      case 8 -> new Arithmetic(ArithmeticError.fromIndex(r.readVariant("ArithmeticError", 3)));
      case 9 -> new Transactional(r.readVariant("TransactionalError", 2));
      default -> {
        for (Kind k : Kind.values()) {
          if (k.index() == index) {
            yield new Simple(k);
          }
        }
        throw new ScaleDecodingException(at, "DispatchError", "unknown variant " + index);
      }
    };
  }
}
