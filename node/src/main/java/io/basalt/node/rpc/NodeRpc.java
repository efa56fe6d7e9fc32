/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.rpc;

import io.basalt.chainspec.ChainSpec;
import io.basalt.node.authoring.DevSealer;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.RuntimeCalls;
import io.basalt.node.importer.BlockImporter;
import io.basalt.node.network.NetworkService;
import io.basalt.node.runtime.Runtimes;
import io.basalt.node.txpool.TransactionPool;
import io.basalt.primitives.crypto.PeerId;
import io.basalt.primitives.crypto.keystore.Keystore;
import io.basalt.rpc.dispatch.MethodGroup;
import io.basalt.rpc.method.author.AuthorMethods;
import io.basalt.rpc.method.chain.ChainMethods;
import io.basalt.rpc.method.dev.DevMethods;
import io.basalt.rpc.method.engine.EngineMethods;
import io.basalt.rpc.method.offchain.OffchainMethods;
import io.basalt.rpc.method.payment.PaymentMethods;
import io.basalt.rpc.method.state.ChildStateMethods;
import io.basalt.rpc.method.state.StateMethods;
import io.basalt.rpc.method.system.SystemMethods;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON-RPC method groups the node serves, each over the node's implementation of its facade.
 */
public final class NodeRpc {
  private NodeRpc() {}

  /**
   * What the facades are built on.
   *
   * @param spec the chain spec
   * @param version the node's version text
   * @param authority whether the node is an authority
   * @param peerId the node's network identity
   * @param chain the chain
   * @param runtimes the runtimes and execution strategies
   * @param importer the import pipeline
   * @param pool the transaction pool
   * @param keystore the node's keystore
   * @param sealer block production on request, unless the node only imports
   * @param logDirectives the {@code -l} directives given at start
   * @param network the peer-to-peer network, unless the node runs alone
   */
  public record Node(
      ChainSpec spec,
      String version,
      boolean authority,
      PeerId peerId,
      Blockchain chain,
      Runtimes runtimes,
      BlockImporter importer,
      TransactionPool pool,
      Keystore keystore,
      Optional<DevSealer> sealer,
      List<String> logDirectives,
      Optional<NetworkService> network) {
    public Node {
      logDirectives = List.copyOf(logDirectives);
    }

    /** Runtime calls for RPC (Other context, changes discarded). */
    public RuntimeCalls calls() {
      return new RuntimeCalls(chain, runtimes);
    }

    /** The state at a block, for the state, child-state and payment methods. */
    public NodeStateApi state() {
      return new NodeStateApi(chain, calls());
    }
  }

  /**
   * Every group the node serves. A node that makes its own blocks (a development chain: {@code
   * --dev}, or {@code --consensus} other than none) also serves manual seal's {@code engine_*} and
   * Chopsticks' {@code dev_*}; elsewhere they do not exist ({@code -32601 Method not found}, as on
   * a Substrate node without manual seal).
   */
  public static List<MethodGroup> groups(Node node) {
    List<MethodGroup> groups = new ArrayList<>();
    groups.addAll(SpecV2Groups.of(node));
    groups.add(
        new SystemMethods(
            new NodeSystemApi(
                node.spec(),
                node.version(),
                node.authority(),
                node.peerId(),
                node.chain(),
                node.pool(),
                node.calls(),
                node.logDirectives(),
                node.network())));
    groups.add(new ChainMethods(new NodeChainApi(node.chain())));
    groups.add(new StateMethods(node.state(), new NodeChainApi(node.chain())));
    groups.add(new ChildStateMethods(node.state()));
    groups.add(
        new AuthorMethods(
            new NodeAuthorApi(node.chain(), node.pool(), node.keystore(), node.calls())));
    groups.add(new OffchainMethods(new NodeOffchainApi(node.chain().database().offchainStorage())));
    groups.add(new PaymentMethods(node.state()));
    node.sealer()
        .ifPresent(
            sealer -> {
              groups.add(new EngineMethods(new NodeEngineApi(node.chain(), sealer)));
              groups.add(new DevMethods(new NodeDevApi(node.chain(), sealer, node.calls())));
            });
    return groups;
  }
}
