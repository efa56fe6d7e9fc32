/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.engines;

import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.RuntimeCalls;
import io.basalt.node.consensus.SlotAuthorship;
import io.basalt.node.consensus.aura.AuraEngine;
import io.basalt.node.consensus.babe.BabeEngine;
import io.basalt.node.importer.BlockVerifier;
import io.basalt.primitives.crypto.keystore.Keystore;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.RuntimeVersion;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses a chain's consensus engines from the runtime at its best block, as a Substrate node's
 * service does from its chain: a runtime with {@code BabeApi} gets BABE, one with {@code AuraApi}
 * Aura; {@code GrandpaApi} means GRANDPA finalizes. A runtime with none of them (the demo runtime)
 * gets no engine: the dev sealer of {@code authoring} makes and finalizes its blocks.
 *
 * <pre>{@code
 * ConsensusEngines.Selection engines =
 *     ConsensusEngines.standard().select(chain, calls, keystore, Clock.systemUTC());
 * engines.slots().ifPresent(e -> importer.addVerifier(e.verifier()));
 * }</pre>
 */
public final class ConsensusEngines {
  private static final Logger LOG = LoggerFactory.getLogger("consensus");

  /** Builds a slot engine from the node's parts (the constructor shape of the engines). */
  @FunctionalInterface
  public interface SlotEngineFactory {
    SlotEngine create(Blockchain chain, RuntimeCalls calls, Keystore keystore, Clock clock);
  }

  /**
   * A slot-based engine: its authoring side and its verifier (usually one object).
   *
   * @param name the engine's name for logs ({@code Aura}, {@code BABE})
   */
  public record SlotEngine(String name, SlotAuthorship authorship, BlockVerifier verifier) {
    /** An engine that is both. */
    public static <E extends SlotAuthorship & BlockVerifier> SlotEngine of(String name, E engine) {
      return new SlotEngine(name, engine, engine);
    }
  }

  /**
   * What the runtime asks for.
   *
   * @param slots the block production engine; empty for a runtime without one
   * @param grandpa whether the runtime has {@code GrandpaApi}: GRANDPA, not the sealer, finalizes
   * @param unsupported a runtime API naming an engine this node cannot run yet, if any
   */
  public record Selection(
      Optional<SlotEngine> slots, boolean grandpa, Optional<String> unsupported) {
    /** Whether the chain has a consensus engine of its own (it is no demo chain). */
    public boolean realChain() {
      return slots.isPresent() || grandpa || unsupported.isPresent();
    }
  }

  /** The runtime API that makes a runtime a GRANDPA chain. */
  public static final String GRANDPA_API = "GrandpaApi";

  private final Map<String, SlotEngineFactory> slotEngines;

  private ConsensusEngines(Map<String, SlotEngineFactory> slotEngines) {
    this.slotEngines = new LinkedHashMap<>(slotEngines);
  }

  /**
   * The engines this node runs, by the runtime API that selects them, in order of preference.
   *
   * <p>BABE ({@code BabeApi}) comes before Aura ({@code AuraApi}).
   */
  public static ConsensusEngines standard() {
    Map<String, SlotEngineFactory> engines = new LinkedHashMap<>();
    engines.put(
        "BabeApi",
        (chain, calls, keystore, clock) ->
            SlotEngine.of("BABE", new BabeEngine(chain, calls, keystore, clock)));
    engines.put(
        "AuraApi",
        (chain, calls, keystore, clock) ->
            SlotEngine.of("Aura", new AuraEngine(chain, calls, keystore, clock)));
    return new ConsensusEngines(engines);
  }

  /** These engines with one more (or another) for a runtime API, tried before the others. */
  public ConsensusEngines with(String runtimeApi, SlotEngineFactory factory) {
    Map<String, SlotEngineFactory> engines = new LinkedHashMap<>();
    engines.put(runtimeApi, factory);
    slotEngines.forEach(engines::putIfAbsent);
    return new ConsensusEngines(engines);
  }

  /**
   * Chooses the engines for the runtime at the chain's best block. A runtime that cannot be loaded
   * gets none (with a warning): no block can be built or imported on it anyway.
   */
  public Selection select(Blockchain chain, RuntimeCalls calls, Keystore keystore, Clock clock) {
    Header best = chain.requireHeader(chain.best().hash());
    RuntimeVersion version;
    try {
      version = calls.codeAt(best).version();
    } catch (InvalidRuntimeCodeException | RuntimeTrapException e) {
      LOG.warn(
          "no consensus engine: the runtime at #{} is unusable: {}", best.number(), e.getMessage());
      return new Selection(Optional.empty(), false, Optional.empty());
    }
    Optional<SlotEngine> slots = Optional.empty();
    for (Map.Entry<String, SlotEngineFactory> e : slotEngines.entrySet()) {
      if (version.apiVersion(e.getKey()).isPresent()) {
        slots = Optional.of(e.getValue().create(chain, calls, keystore, clock));
        break;
      }
    }
    Optional<String> unsupported = Optional.empty();
    if (slots.isEmpty()) {
      for (String api : new String[] {"BabeApi", "AuraApi"}) {
        if (version.apiVersion(api).isPresent()) {
          unsupported = Optional.of(api);
          break;
        }
      }
    }
    return new Selection(slots, version.apiVersion(GRANDPA_API).isPresent(), unsupported);
  }
}
