/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.rpc;

import io.basalt.executor.api.HostServices;
import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.node.chain.RuntimeCalls;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.rpc.api.BlockState;
import io.basalt.rpc.api.RuntimeCallException;
import io.basalt.rpc.api.StorageEntry;
import io.basalt.rpc.api.StorageView;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The state after one block of the node's chain, with its runtime. */
final class NodeBlockState implements BlockState {
  private final Header header;
  private final TrieView top;
  private final RuntimeCalls calls;

  NodeBlockState(Header header, TrieView top, RuntimeCalls calls) {
    this.header = header;
    this.top = top;
    this.calls = calls;
  }

  @Override
  public Hash256 blockHash() {
    return header.hash();
  }

  @Override
  public Optional<Bytes> get(Bytes key) {
    return top.get(key);
  }

  @Override
  public Stream<Bytes> keys(Bytes prefix, Optional<Bytes> startAfter) {
    return top.keys(prefix, startAfter);
  }

  @Override
  public Stream<StorageEntry> entries(Bytes prefix) {
    return top.entries(prefix);
  }

  @Override
  public List<Bytes> readProof(Collection<Bytes> keys) {
    return top.readProof(keys);
  }

  @Override
  public StorageView child(Bytes childKey) {
    return top.child(WellKnownKeys.defaultChildRootKey(childKey));
  }

  @Override
  public Bytes call(String method, Bytes input) {
    return calls.callOrFail(header, method, input, HostServices.standard());
  }

  @Override
  public RuntimeVersion runtimeVersion() {
    try {
      return calls.codeAt(header).version();
    } catch (RuntimeTrapException e) {
      throw new RuntimeCallException("Execution aborted due to trap: " + e.getMessage());
    } catch (InvalidRuntimeCodeException e) {
      throw new RuntimeCallException("Other: " + e.getMessage());
    }
  }
}
