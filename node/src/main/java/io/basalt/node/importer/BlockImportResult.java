/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.importer;

import io.basalt.primitives.bytes.Hash256;

/**
 * The outcome of importing one block: an expected result, not an exception. Only {@link Imported}
 * changed the database; every other outcome left it untouched.
 */
public sealed interface BlockImportResult {
  /** The block's hash. */
  Hash256 hash();

  /** The block's number. */
  long number();

  /**
   * The block was executed and committed.
   *
   * @param hash the block hash
   * @param number the block number
   * @param best whether it became the best block
   */
  record Imported(Hash256 hash, long number, boolean best) implements BlockImportResult {}

  /**
   * The block is already in the database; nothing was done.
   *
   * @param hash the block hash
   * @param number the block number
   */
  record AlreadyKnown(Hash256 hash, long number) implements BlockImportResult {}

  /**
   * The block's parent is not in the database.
   *
   * @param hash the block hash
   * @param number the block number
   * @param parentHash the missing parent
   */
  record UnknownParent(Hash256 hash, long number, Hash256 parentHash)
      implements BlockImportResult {}

  /**
   * The block is invalid: its runtime trapped or panicked, its state root does not match, its
   * number does not follow its parent, or the parent state holds no usable runtime.
   *
   * @param hash the block hash
   * @param number the block number
   * @param reason why, in one line (with the runtime's panic message when there is one)
   */
  record Invalid(Hash256 hash, long number, String reason) implements BlockImportResult {}
}
