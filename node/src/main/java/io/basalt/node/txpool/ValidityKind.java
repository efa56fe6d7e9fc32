/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import io.basalt.primitives.scale.ScaleCodec;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * A variant of {@link InvalidTransaction} or {@link UnknownTransaction}: its index in the encoding,
 * its name in Substrate and Substrate's text for it.
 */
public sealed interface ValidityKind permits InvalidTransaction.Kind, UnknownTransaction.Kind {

  /** The variant index in the encoding. */
  int index();

  /** The variant's name in Substrate, e.g. {@code BadProof}. */
  String rustName();

  /** Substrate's text for the variant, e.g. "Transaction has a bad signature". */
  String message();

  /** Whether the variant carries a {@code u8} ({@code Custom}). */
  default boolean isCustom() {
    return rustName().equals("Custom");
  }

  /** Rust's {@code Debug} form of a value: {@code Stale}, {@code Custom(7)}. */
  static String debug(ValidityKind kind, int customCode) {
    return kind.isCustom() ? "Custom(" + customCode + ")" : kind.rustName();
  }

  /**
   * Checks a value's code: a {@code u8} for {@code Custom}, 0 otherwise.
   *
   * @throws IllegalArgumentException if it is not
   */
  static void checkCode(ValidityKind kind, int customCode) {
    if (kind.isCustom() ? customCode < 0 || customCode > 255 : customCode != 0) {
      throw new IllegalArgumentException(
          kind.isCustom()
              ? "a custom code is a u8, got " + customCode
              : kind.rustName() + " has no custom code, got " + customCode);
    }
  }

  /** The codec of a value: the variant index, then the code of {@code Custom}. */
  static <K extends ValidityKind, T> ScaleCodec<T> codec(
      String name,
      K[] kinds,
      Function<T, K> kindOf,
      ToIntFunction<T> codeOf,
      BiFunction<K, Integer, T> make) {
    return ScaleCodec.of(
        name,
        (w, v) -> {
          K kind = kindOf.apply(v);
          w.writeU8(kind.index());
          if (kind.isCustom()) {
            w.writeU8(codeOf.applyAsInt(v));
          }
        },
        r -> {
          int index = r.readVariant(name, kinds.length);
          for (K kind : kinds) {
            if (kind.index() == index) {
              return make.apply(kind, kind.isCustom() ? r.readU8() : 0);
            }
          }
          throw new IllegalStateException(name + " has no variant " + index);
        });
  }
}
