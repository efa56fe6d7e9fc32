/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.scale;

/**
 * A SCALE {@code Result<O, E>}: variant 0 is {@code Ok}, 1 is {@code Err}.
 *
 * @param <O> the success type
 * @param <E> the error type
 */
public sealed interface Result<O, E> {

  /** The success case. */
  record Ok<O, E>(O value) implements Result<O, E> {}

  /** The error case. */
  record Err<O, E>(E error) implements Result<O, E> {}

  static <O, E> Result<O, E> ok(O value) {
    return new Ok<>(value);
  }

  static <O, E> Result<O, E> err(E error) {
    return new Err<>(error);
  }

  default boolean isOk() {
    return this instanceof Ok;
  }
}
