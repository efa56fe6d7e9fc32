/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import io.basalt.primitives.bytes.Hash256;

/**
 * Why the pool refused a transaction ({@code sc_transaction_pool_api::error::Error}, plus the
 * runtime failures and format errors that Substrate reports around it). {@link #message()} is
 * Substrate's {@code Display} text; {@link #rpcError()} is what {@code author_submitExtrinsic}
 * answers.
 */
public sealed interface PoolError {

  /** Substrate's text for the error, e.g. "Transaction temporarily Banned". */
  String message();

  /** The author RPC's error object for it. */
  AuthorRpcError rpcError();

  /** The runtime says the transaction is invalid (the hash is then banned). */
  record Invalid(InvalidTransaction reason) implements PoolError {
    @Override
    public String message() {
      return "Invalid transaction validity: " + reason;
    }

    @Override
    public AuthorRpcError rpcError() {
      return AuthorRpcError.of(
          AuthorRpcError.POOL_INVALID_TX,
          "Invalid Transaction",
          reason.kind() == InvalidTransaction.Kind.CUSTOM
              ? "Custom error: " + reason.customCode()
              : reason.message());
    }
  }

  /** The runtime cannot tell whether the transaction is valid. */
  record Unknown(UnknownTransaction reason) implements PoolError {
    @Override
    public String message() {
      return "Unknown transaction validity: " + reason;
    }

    @Override
    public AuthorRpcError rpcError() {
      return AuthorRpcError.of(1011, "Unknown Transaction Validity", reason.toString());
    }
  }

  /** The hash was banned recently (invalid, included, dropped or stale). */
  record TemporarilyBanned() implements PoolError {
    @Override
    public String message() {
      return "Transaction temporarily Banned";
    }

    @Override
    public AuthorRpcError rpcError() {
      return AuthorRpcError.of(1012, "Transaction is temporarily banned");
    }
  }

  /** The transaction is already in the pool. */
  record AlreadyImported(Hash256 hash) implements PoolError {
    @Override
    public String message() {
      return "[" + hash + "] Already imported";
    }

    @Override
    public AuthorRpcError rpcError() {
      return AuthorRpcError.of(1013, "Transaction Already Imported", hash.toString());
    }
  }

  /**
   * The transaction provides a tag of a ready transaction whose priority (summed over all the
   * transactions it would replace) is not lower.
   *
   * @param oldPriority the summed priority of the transactions in the pool (unsigned)
   * @param newPriority the priority of the new transaction (unsigned)
   */
  record TooLowPriority(long oldPriority, long newPriority) implements PoolError {
    @Override
    public String message() {
      return "Too low priority ("
          + Long.toUnsignedString(oldPriority)
          + " > "
          + Long.toUnsignedString(newPriority)
          + ")";
    }

    @Override
    public AuthorRpcError rpcError() {
      return AuthorRpcError.of(
          1014,
          "Priority is too low: ("
              + Long.toUnsignedString(oldPriority)
              + " vs "
              + Long.toUnsignedString(newPriority)
              + ")",
          "The transaction has too low priority to replace another transaction already in the"
              + " pool.");
    }
  }

  /** Importing the transaction would make its dependencies a cycle. */
  record CycleDetected() implements PoolError {
    @Override
    public String message() {
      return "Transaction with cyclic dependency";
    }

    @Override
    public AuthorRpcError rpcError() {
      return AuthorRpcError.of(1015, "Cycle Detected");
    }
  }

  /** The pool is full and the transaction was the one dropped to enforce the limits. */
  record ImmediatelyDropped() implements PoolError {
    @Override
    public String message() {
      return "Transaction couldn't enter the pool because of the limit";
    }

    @Override
    public AuthorRpcError rpcError() {
      return AuthorRpcError.of(
          1016,
          "Immediately Dropped",
          "The transaction couldn't enter the pool because of the limit");
    }
  }

  /** The transaction must not be propagated and this node does not author blocks. */
  record Unactionable() implements PoolError {
    @Override
    public String message() {
      return "Transaction cannot be propagated and the local node does not author blocks";
    }

    @Override
    public AuthorRpcError rpcError() {
      return AuthorRpcError.of(
          1018,
          "Unactionable",
          "The transaction is unactionable since it is not propagable and the local node does"
              + " not author blocks");
    }
  }

  /** The runtime's answer has no {@code provides} tag, so the pool cannot identify it. */
  record NoTagsProvided() implements PoolError {
    @Override
    public String message() {
      return "Transaction does not provide any tags, so the pool can't identify it";
    }

    @Override
    public AuthorRpcError rpcError() {
      return AuthorRpcError.of(
          1019,
          "No tags provided",
          "Transaction does not provide any tags, so the pool can't identify it");
    }
  }

  /**
   * The runtime could not answer (it trapped, lacks the API, or answered undecodable bytes); the
   * hash is banned as for an invalid transaction.
   *
   * @param reason what went wrong
   */
  record VerificationFailed(String reason) implements PoolError {
    @Override
    public String message() {
      return "Runtime error: " + reason;
    }

    @Override
    public AuthorRpcError rpcError() {
      return AuthorRpcError.of(
          AuthorRpcError.VERIFICATION_ERROR, "Verification Error: " + message(), reason);
    }
  }

  /**
   * The bytes are not one encoded extrinsic ({@code compact(length) ‖ payload}).
   *
   * @param reason what is wrong with them
   */
  record BadFormat(String reason) implements PoolError {
    @Override
    public String message() {
      return "Invalid extrinsic format: " + reason;
    }

    @Override
    public AuthorRpcError rpcError() {
      return AuthorRpcError.of(
          AuthorRpcError.BAD_FORMAT, "Extrinsic has invalid format: " + reason);
    }
  }
}
