/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.aura;

import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.node.authoring.InherentData;
import io.basalt.node.chain.BlockOrigin;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.RuntimeCalls;
import io.basalt.node.consensus.SlotAuthorship;
import io.basalt.node.consensus.SlotClaim;
import io.basalt.node.importer.BlockVerifier;
import io.basalt.node.importer.Verdict;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.crypto.keystore.KeyTypeId;
import io.basalt.primitives.crypto.keystore.Keystore;
import io.basalt.primitives.crypto.sr25519.Sr25519;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.primitives.types.SignedBlock;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Aura (authority round), as sc-consensus-aura runs it: time is cut into slots of {@code
 * AuraApi_slot_duration}; the author of slot {@code s} is {@code authorities[s % n]} from {@code
 * AuraApi_authorities} at the parent. A block carries the pre-runtime digest {@code aura} with its
 * slot (SCALE u64) and ends with the seal {@code aura}: the author's sr25519 signature of the hash
 * of the header without the seal.
 *
 * <p>Verification checks, before the block is executed: exactly one {@code aura} pre-runtime
 * digest, a slot after the parent's, the seal last and signed by the slot's author, and for blocks
 * from the network a slot not ahead of the clock by more than {@link #MAX_SLOT_DRIFT}. Blocks from
 * a file or built here skip the clock check: a fast-forwarded chain runs ahead of the clock.
 *
 * <pre>{@code
 * AuraEngine aura = new AuraEngine(chain, calls, keystore, Clock.systemUTC());
 * importer.addVerifier(aura);
 * Optional<SlotClaim> claim = aura.claim(parent, aura.slotOf(parent) + 1);
 * }</pre>
 */
public final class AuraEngine implements SlotAuthorship, BlockVerifier {
  /** The inherent identifier of the slot, {@code auraslot}. */
  public static final Bytes SLOT_INHERENT = InherentData.identifier("auraslot");

  /** How many slots a block from the network may be ahead of the clock (Substrate's drift). */
  public static final long MAX_SLOT_DRIFT = 1;

  private static final int CACHED_PARENTS = 64;

  private final RuntimeCalls calls;
  private final Keystore keystore;
  private final Clock clock;

  /** pallet-aura's {@code Aura.Authorities}: twox128("Aura") ‖ twox128("Authorities"). */
  private static final Bytes AUTHORITIES_KEY =
      Bytes.wrap(Hashing.twox128("Aura".getBytes(StandardCharsets.US_ASCII)))
          .concat(Bytes.wrap(Hashing.twox128("Authorities".getBytes(StandardCharsets.US_ASCII))));

  private final Blockchain chain;
  private final Map<Hash256, Params> cache = lru();
  private final Map<RuntimeVersion, Duration> slotDurations = lru();
  private final Map<AuthoritiesKey, List<Bytes>> authoritiesByValue = lru();

  /** The answer of {@code AuraApi_authorities} depends on the runtime and this storage value. */
  private record AuthoritiesKey(RuntimeVersion version, Bytes stored) {}

  private static <K, V> Map<K, V> lru() {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > CACHED_PARENTS;
      }
    };
  }

  /** The chain's Aura parameters at a block. */
  record Params(Duration slotDuration, List<Bytes> authorities) {
    Params {
      authorities = List.copyOf(authorities);
    }
  }

  /**
   * @param chain the chain blocks are built on and verified against
   * @param calls read-only runtime calls ({@code AuraApi_*})
   * @param keystore where the node's {@code aura} keys are
   * @param clock the wall clock slots are measured against
   */
  public AuraEngine(Blockchain chain, RuntimeCalls calls, Keystore keystore, Clock clock) {
    this.chain = chain;
    this.calls = calls;
    this.keystore = keystore;
    this.clock = clock;
  }

  @Override
  public Duration slotDuration(Header parent) {
    return params(parent).slotDuration();
  }

  /** The Aura authorities at {@code parent}: who authors the blocks built on it. */
  public List<Bytes> authorities(Header parent) {
    return params(parent).authorities();
  }

  /** The slot the wall clock is in, for blocks built on {@code parent}. */
  public long clockSlot(Header parent) {
    return clock.millis() / slotDuration(parent).toMillis();
  }

  @Override
  public long slotOf(Header header) {
    if (header.number() == 0) {
      return 0;
    }
    List<Long> slots = preDigestSlots(header);
    if (slots.size() != 1) {
      throw new IllegalArgumentException(
          "block #" + header.number() + " has " + slots.size() + " aura pre-runtime digests");
    }
    return slots.getFirst();
  }

  @Override
  public Optional<SlotClaim> claim(Header parent, long slot) {
    List<Bytes> authorities = authorities(parent);
    if (authorities.isEmpty()) {
      return Optional.empty();
    }
    Bytes author = authorities.get(Math.floorMod(slot, authorities.size()));
    if (!keystore.hasKeys(List.of(new Keystore.KeyReference(KeyTypeId.AURA, author)))) {
      return Optional.empty();
    }
    return Optional.of(new SlotClaim(slot, List.of(preDigest(slot)), author));
  }

  /**
   * The first slot at or after {@code from} that a local key may author on {@code parent}, looking
   * at most one full round of authorities ahead.
   *
   * @return the claim, or empty if no local key is among the authorities
   */
  public Optional<SlotClaim> firstClaim(Header parent, long from) {
    int n = authorities(parent).size();
    for (long slot = from; slot < from + n; slot++) {
      Optional<SlotClaim> claim = claim(parent, slot);
      if (claim.isPresent()) {
        return claim;
      }
    }
    return Optional.empty();
  }

  @Override
  public InherentData inherents(SlotClaim claim, InherentData base) {
    return base.with(
        SLOT_INHERENT, Bytes.wrap(new ScaleWriter(8).writeU64(claim.slot()).toByteArray()));
  }

  @Override
  public DigestItem.Seal seal(SlotClaim claim, Header unsealed) {
    byte[] signature =
        keystore
            .sign(
                KeyTypeId.AURA,
                KeyScheme.SR25519,
                claim.authority(),
                unsealed.hash().toBytes().toArray())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the keystore lost the aura key " + claim.authority().toHex()));
    return new DigestItem.Seal(EngineId.AURA, Bytes.wrap(signature));
  }

  @Override
  public Verdict verify(SignedBlock block, Header parent, BlockOrigin origin) {
    Header header = block.block().header();
    List<Long> slots;
    try {
      slots = preDigestSlots(header);
    } catch (IllegalArgumentException e) {
      return Verdict.rejected(e.getMessage());
    }
    if (slots.size() != 1) {
      return Verdict.rejected(
          slots.isEmpty()
              ? "no aura pre-runtime digest: the block claims no slot"
              : slots.size() + " aura pre-runtime digests: a block claims one slot");
    }
    long slot = slots.getFirst();
    if (parent.number() > 0) {
      long parentSlot;
      try {
        parentSlot = slotOf(parent);
      } catch (IllegalArgumentException e) {
        return Verdict.rejected("its parent is no Aura block: " + e.getMessage());
      }
      if (Long.compareUnsigned(slot, parentSlot) <= 0) {
        return Verdict.rejected(
            "slot "
                + Long.toUnsignedString(slot)
                + " is not after its parent's slot "
                + parentSlot);
      }
    }
    Optional<DigestItem.Seal> seal = header.seal();
    if (seal.isEmpty() || !seal.get().engine().equals(EngineId.AURA)) {
      return Verdict.rejected("unsealed: the last digest item is not an aura seal");
    }
    Params params;
    try {
      params = params(parent);
    } catch (IllegalStateException e) {
      return Verdict.rejected(e.getMessage());
    }
    if (checksClock(origin)) {
      long now = clock.millis() / params.slotDuration().toMillis();
      if (slot > now + MAX_SLOT_DRIFT) {
        return Verdict.rejected(
            "slot "
                + Long.toUnsignedString(slot)
                + " is in the future: the clock is at slot "
                + now);
      }
    }
    if (params.authorities().isEmpty()) {
      return Verdict.rejected("the runtime has no Aura authorities at the parent");
    }
    Bytes author =
        params.authorities().get((int) Long.remainderUnsigned(slot, params.authorities().size()));
    byte[] signature = seal.get().data().unsafeArray();
    byte[] preHash = header.withoutSeal().hash().toBytes().toArray();
    if (signature.length != Sr25519.SIGNATURE_LENGTH
        || !Sr25519.verify(signature, preHash, author.unsafeArray())) {
      return Verdict.rejected(
          "bad seal: not signed by the slot's author " + author.toHex() + " (slot " + slot + ")");
    }
    return Verdict.accepted();
  }

  private static boolean checksClock(BlockOrigin origin) {
    return switch (origin) {
      case NETWORK_INITIAL_SYNC, NETWORK_BROADCAST, CONSENSUS_BROADCAST -> true;
      case GENESIS, OWN, FILE -> false;
    };
  }

  /** The pre-runtime digest of a block in {@code slot}. */
  public static DigestItem.PreRuntime preDigest(long slot) {
    return new DigestItem.PreRuntime(
        EngineId.AURA, Bytes.wrap(new ScaleWriter(8).writeU64(slot).toByteArray()));
  }

  /**
   * The slots of a header's {@code aura} pre-runtime digests (one in a valid block).
   *
   * @throws IllegalArgumentException if one is not a SCALE u64
   */
  static List<Long> preDigestSlots(Header header) {
    List<Long> slots = new ArrayList<>(1);
    for (DigestItem item : header.digest()) {
      if (item instanceof DigestItem.PreRuntime(EngineId engine, Bytes data)
          && engine.equals(EngineId.AURA)) {
        if (data.length() != 8) {
          throw new IllegalArgumentException(
              "bad aura pre-runtime digest: a slot is 8 bytes, not " + data.length());
        }
        slots.add(new ScaleReader(data).readI64());
      }
    }
    return slots;
  }

  /**
   * The parameters at {@code parent}. The runtime APIs answer from the runtime and its state, so an
   * answer is reused while both are the same: the slot duration per runtime version, the
   * authorities per runtime version and raw {@code Aura.Authorities} value (pallet-aura's storage;
   * a runtime without it is asked at every parent).
   */
  private Params params(Header parent) {
    Hash256 hash = parent.hash();
    synchronized (cache) {
      Params cached = cache.get(hash);
      if (cached != null) {
        return cached;
      }
    }
    RuntimeVersion version = runtimeVersion(parent);
    Optional<Bytes> stored = chain.stateAt(parent).get(AUTHORITIES_KEY);
    Duration slotDuration;
    List<Bytes> authorities;
    synchronized (cache) {
      slotDuration = slotDurations.get(version);
      authorities =
          stored.isPresent()
              ? authoritiesByValue.get(new AuthoritiesKey(version, stored.get()))
              : null;
    }
    if (slotDuration == null) {
      slotDuration = readSlotDuration(parent);
    }
    if (authorities == null) {
      authorities = readAuthorities(parent);
    }
    Params fresh = new Params(slotDuration, authorities);
    synchronized (cache) {
      cache.put(hash, fresh);
      slotDurations.put(version, slotDuration);
      stored.ifPresent(
          raw -> authoritiesByValue.put(new AuthoritiesKey(version, raw), fresh.authorities()));
    }
    return fresh;
  }

  private RuntimeVersion runtimeVersion(Header at) {
    try {
      return calls.codeAt(at).version();
    } catch (RuntimeTrapException | InvalidRuntimeCodeException e) {
      throw new IllegalStateException(
          "the runtime at #" + at.number() + " is unusable: " + e.getMessage(), e);
    }
  }

  private Duration readSlotDuration(Header at) {
    Bytes out = call(at, "AuraApi_slot_duration");
    try {
      ScaleReader r = new ScaleReader(out);
      long millis = r.readI64();
      r.expectEnd("SlotDuration");
      if (millis <= 0) {
        throw new IllegalStateException(
            "AuraApi_slot_duration at #" + at.number() + " is " + Long.toUnsignedString(millis));
      }
      return Duration.ofMillis(millis);
    } catch (ScaleDecodingException e) {
      throw new IllegalStateException(
          "AuraApi_slot_duration at #" + at.number() + " returned no u64: " + e.getMessage(), e);
    }
  }

  private List<Bytes> readAuthorities(Header at) {
    Bytes out = call(at, "AuraApi_authorities");
    try {
      ScaleReader r = new ScaleReader(out);
      int n = r.readCompactInt();
      List<Bytes> keys = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        Bytes key = r.readFixed(Sr25519.PUBLIC_KEY_LENGTH);
        keys.add(key);
      }
      r.expectEnd("Vec<AuthorityId>");
      return keys;
    } catch (ScaleDecodingException e) {
      throw new IllegalStateException(
          "AuraApi_authorities at #" + at.number() + " returned no key list: " + e.getMessage(), e);
    }
  }

  private Bytes call(Header at, String method) {
    try {
      return calls.call(at, method, Bytes.EMPTY);
    } catch (RuntimeTrapException | InvalidRuntimeCodeException e) {
      throw new IllegalStateException(
          method + " failed at #" + at.number() + ": " + e.getMessage(), e);
    }
  }
}
