/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.offchain;

import io.basalt.executor.api.HostServices;
import io.basalt.executor.api.OffchainStorage;
import io.basalt.executor.code.RuntimeCode;
import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.TrieStateBackend;
import io.basalt.executor.strategy.ApiCall;
import io.basalt.executor.strategy.ExecutionContext;
import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.ChainEvent;
import io.basalt.node.chain.ChainListener;
import io.basalt.node.runtime.Runtimes;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.Header;
import java.net.http.HttpClient;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the runtime's offchain workers ({@code OffchainWorkerApi_offchain_worker}) after each new
 * best block, on their own thread, in the {@link ExecutionContext#OFFCHAIN_WORKER} context with its
 * strategy: with the node's keystore, the offchain database and the offchain capabilities (HTTP,
 * time, randomness, transaction submission) of {@link NodeOffchainContext}. Changes the worker
 * makes to chain storage are discarded, as in Substrate.
 *
 * <p>Workers never hold the node up: when new best blocks arrive faster than workers finish, the
 * worker runs once for the newest of them.
 *
 * <pre>{@code
 * OffchainWorkers workers = new OffchainWorkers(chain, runtimes, services, storage, true, submit);
 * chain.addListener(workers);
 * }</pre>
 */
public final class OffchainWorkers implements ChainListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("offchain-worker");
  private static final String API = "OffchainWorkerApi";

  private final Blockchain chain;
  private final Runtimes runtimes;
  private final HostServices services;
  private final OffchainStorage storage;
  private final boolean authority;
  private final Consumer<Bytes> submit;
  private final HttpClient http = NodeOffchainContext.httpClient();
  private final ExecutorService thread;
  private final AtomicReference<Header> next = new AtomicReference<>();

  /**
   * @param services the host services of worker calls (the node's keystore)
   * @param storage the persistent offchain database
   * @param authority whether the node is an authority ({@code is_validator})
   * @param submit where transactions the workers submit go (the transaction pool)
   */
  public OffchainWorkers(
      Blockchain chain,
      Runtimes runtimes,
      HostServices services,
      OffchainStorage storage,
      boolean authority,
      Consumer<Bytes> submit) {
    this.chain = chain;
    this.runtimes = runtimes;
    this.services = services;
    this.storage = storage;
    this.authority = authority;
    this.submit = submit;
    this.thread =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("basalt-offchain-worker").daemon().factory());
  }

  @Override
  public void onEvent(ChainEvent event) {
    if (event instanceof ChainEvent.BlockImported imported && imported.isNewBest()) {
      if (next.getAndSet(imported.header()) == null && !thread.isShutdown()) {
        try {
          thread.execute(this::runNext);
        } catch (RejectedExecutionException e) {
          LOG.debug("offchain workers stopped: none run for #{}", imported.header().number());
        }
      }
    }
  }

  private void runNext() {
    Header header = next.getAndSet(null);
    if (header != null) {
      run(header);
    }
  }

  /** Runs the workers for one block, now, on the calling thread. */
  public void run(Header header) {
    TrieStateBackend state = chain.stateAt(header);
    RuntimeCode code;
    try {
      code = runtimes.codeAt(state, header.number());
    } catch (InvalidRuntimeCodeException | RuntimeTrapException e) {
      LOG.debug("no offchain workers at #{}: {}", header.number(), e.getMessage());
      return;
    }
    Optional<Long> version = code.version().apiVersion(API);
    if (version.isEmpty()) {
      return;
    }
    byte[] input =
        version.get() >= 2
            ? Header.CODEC.encode(header)
            : new ScaleWriter(4).writeU32(header.number()).toByteArray();
    SubmittedTransactions submitted = new SubmittedTransactions(1024);
    try (NodeOffchainContext context = NodeOffchainContext.create(authority, http, submitted)) {
      runtimes
          .calls()
          .call(
              new ApiCall(
                  ExecutionContext.OFFCHAIN_WORKER,
                  code,
                  API + "_offchain_worker",
                  Bytes.wrap(input),
                  "block #" + header.number()),
              new OverlayedChanges(),
              state,
              services.withOffchain(context, storage));
    } catch (RuntimeTrapException | InvalidRuntimeCodeException e) {
      LOG.warn("offchain worker at #{} failed: {}", header.number(), e.getMessage());
    }
    for (Bytes extrinsic : submitted.drain()) {
      submit.accept(extrinsic);
    }
  }

  /** Stops the worker thread; a run in progress is interrupted. */
  @Override
  public void close() {
    thread.shutdownNow();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
