/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

import io.basalt.executor.api.HostServices;
import io.basalt.executor.api.OffchainContext;
import io.basalt.executor.api.OffchainStorage;
import io.basalt.executor.api.RuntimeVersionReader;
import io.basalt.executor.state.Externalities;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything one runtime call's host functions need: the instance memory, the state, the node's
 * services, and per-call bookkeeping (the last error log and panic message, storage transactions
 * the runtime opened, a legacy signature batch). One per call, on the call's thread.
 */
public final class HostCallContext {
  private final HostMemory memory;
  private final Externalities externalities;
  private final HostServices services;
  private final RuntimeVersionReader versionReader;
  private String lastErrorLog;
  private String panicMessage;
  private int openTransactions;
  private List<Boolean> batch;

  public HostCallContext(
      HostMemory memory,
      Externalities externalities,
      HostServices services,
      RuntimeVersionReader versionReader) {
    this.memory = memory;
    this.externalities = externalities;
    this.services = services;
    this.versionReader = versionReader;
  }

  public HostMemory memory() {
    return memory;
  }

  public Externalities externalities() {
    return externalities;
  }

  public HostServices services() {
    return services;
  }

  public RuntimeVersionReader versionReader() {
    return versionReader;
  }

  /** The offchain capabilities, or a trap naming the function if this is not an offchain call. */
  OffchainContext offchain(String function) {
    return services
        .offchain()
        .orElseThrow(
            () ->
                new HostFunctionException(
                    function + " is only available in offchain context (offchain workers)"));
  }

  /** The offchain database, or a trap naming the function if it is not granted here. */
  OffchainStorage offchainStorage(String function) {
    return services
        .offchainStorage()
        .orElseThrow(
            () ->
                new HostFunctionException(
                    function
                        + " is only available in offchain context (the offchain database is not"
                        + " accessible here)"));
  }

  void recordErrorLog(String message) {
    lastErrorLog = message;
  }

  /** The last error-level message the runtime logged (older runtimes log their panics). */
  public Optional<String> lastErrorLog() {
    return Optional.ofNullable(lastErrorLog);
  }

  void recordPanic(String message) {
    panicMessage = message;
  }

  /** The message given to {@code ext_panic_handler_abort_on_panic}, if the runtime panicked. */
  public Optional<String> panicMessage() {
    return Optional.ofNullable(panicMessage);
  }

  void transactionStarted() {
    openTransactions++;
  }

  void transactionClosed(String operation) {
    if (openTransactions == 0) {
      throw new HostFunctionException(
          "ext_storage_" + operation + "_transaction_version_1 called with no transaction open");
    }
    openTransactions--;
  }

  /** Storage transactions the runtime opened and has not closed yet. */
  public int openTransactions() {
    return openTransactions;
  }

  boolean batchActive() {
    return batch != null;
  }

  void startBatch() {
    if (batch != null) {
      throw new HostFunctionException("start_batch_verify called while a batch is already started");
    }
    batch = new ArrayList<>();
  }

  void addToBatch(boolean valid) {
    batch.add(valid);
  }

  boolean finishBatch() {
    if (batch == null) {
      throw new HostFunctionException(
          "finish_batch_verify called without a preceding start_batch_verify");
    }
    boolean all = batch.stream().allMatch(Boolean::booleanValue);
    batch = null;
    return all;
  }
}
