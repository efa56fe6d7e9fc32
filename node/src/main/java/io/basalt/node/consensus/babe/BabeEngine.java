/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.babe;

import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.node.authoring.InherentData;
import io.basalt.node.chain.BlockOrigin;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.RuntimeCalls;
import io.basalt.node.consensus.SlotAuthorship;
import io.basalt.node.consensus.SlotClaim;
import io.basalt.node.importer.AuxWrite;
import io.basalt.node.importer.BlockVerifier;
import io.basalt.node.importer.Verdict;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.crypto.keystore.KeyTypeId;
import io.basalt.primitives.crypto.keystore.Keystore;
import io.basalt.primitives.crypto.sr25519.Sr25519;
import io.basalt.primitives.crypto.sr25519.Sr25519Vrf;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.SignedBlock;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * BABE (Blind Assignment for Blockchain Extension), as Substrate's sc-consensus-babe runs it: the
 * verifier of every block of a BABE chain and the slot authorship of its local {@code babe} keys.
 *
 * <p>Epochs come from {@code BabeApi_configuration} (epoch 0, starting at the slot of block #1) and
 * from the {@code NextEpochData}/{@code NextConfigData} digests the first block of each epoch
 * carries for the epoch after. Each such block stores the epochs it leads to as an aux record
 * ({@code "babe:epochs:" ‖ block hash}) in its own transaction; the epochs of any block are those
 * of its nearest such ancestor, so each fork keeps its own and a restarted node carries on. A chain
 * imported before (without these records) has its epochs rebuilt from its stored headers.
 *
 * <p>A block is accepted if it has exactly one BABE pre-runtime digest, a slot after its parent's
 * (and, from the network, not ahead of the clock by more than one slot), the epoch-change digest
 * exactly when it starts an epoch, a claim its epoch allows (primary: a valid VRF proof with an
 * output below the threshold; secondary: the slot's secondary author, with a valid VRF for a
 * secondary VRF claim), and last a seal signed by the claiming authority over the pre-seal hash.
 *
 * <pre>{@code
 * BabeEngine babe = new BabeEngine(chain, calls, keystore, Clock.systemUTC());
 * importer.addVerifier(babe);
 * Optional<SlotClaim> claim = babe.claim(best, slot);
 * }</pre>
 */
public final class BabeEngine implements SlotAuthorship, BlockVerifier {
  /** The prefix of the aux records this engine stores. */
  public static final Bytes AUX_PREFIX =
      Bytes.wrap("babe:epochs:".getBytes(StandardCharsets.US_ASCII));

  /** The identifier of BABE's slot inherent, {@code babeslot}. */
  public static final Bytes SLOT_INHERENT = InherentData.identifier("babeslot");

  private static final int CACHE_SIZE = 4096;

  private final Blockchain chain;
  private final RuntimeCalls calls;
  private final Keystore keystore;
  private final Clock clock;
  private volatile BabeConfiguration configuration;

  /** The epochs of recently seen stored blocks, by block hash. */
  private final Map<Hash256, EpochState> epochCache =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash256, EpochState> eldest) {
          return size() > CACHE_SIZE;
        }
      };

  public BabeEngine(Blockchain chain, RuntimeCalls calls, Keystore keystore, Clock clock) {
    this.chain = chain;
    this.calls = calls;
    this.keystore = keystore;
    this.clock = clock;
  }

  /**
   * The chain's BABE configuration, asked of the genesis runtime once.
   *
   * @throws BabeConfigurationException if the runtime has no usable {@code BabeApi}
   */
  public BabeConfiguration configuration() {
    BabeConfiguration c = configuration;
    if (c == null) {
      synchronized (this) {
        if (configuration == null) {
          configuration = loadConfiguration();
        }
        c = configuration;
      }
    }
    return c;
  }

  private BabeConfiguration loadConfiguration() {
    Header genesis = chain.requireHeader(chain.genesisHash());
    try {
      long version =
          calls
              .codeAt(genesis)
              .version()
              .apiVersion("BabeApi")
              .orElseThrow(
                  () -> new BabeConfigurationException("the genesis runtime has no BabeApi"));
      return BabeConfiguration.decode(
          calls.call(genesis, BabeConfiguration.CALL, Bytes.EMPTY), version);
    } catch (RuntimeTrapException | InvalidRuntimeCodeException | ScaleDecodingException e) {
      throw new BabeConfigurationException(
          BabeConfiguration.CALL + " failed at genesis: " + e.getMessage());
    }
  }

  // ---- epochs ----

  /** The key of the aux record of a block that starts an epoch. */
  static Bytes auxKey(Hash256 block) {
    return AUX_PREFIX.concat(Bytes.wrap(block.toArray()));
  }

  /**
   * The epochs of a stored non-genesis block: those recorded by it or its nearest ancestor that
   * started an epoch. A chain imported without BABE verification has no records: its epochs are
   * then rebuilt from the stored headers' epoch announcements (once; they are kept in memory).
   *
   * @throws BabeDigestException if the stored headers do not describe the epochs
   */
  public EpochState epochsAt(Header block) {
    List<Hash256> walked = new ArrayList<>();
    List<Header> announcing = new ArrayList<>();
    Header at = block;
    EpochState base = null;
    while (true) {
      Hash256 hash = at.hash();
      synchronized (epochCache) {
        base = epochCache.get(hash);
      }
      if (base != null) {
        break;
      }
      Optional<Bytes> stored = chain.database().blocks().aux(auxKey(hash));
      if (stored.isPresent()) {
        base = EpochState.CODEC.decode(stored.get());
        break;
      }
      walked.add(hash);
      if (announcesEpoch(at)) {
        announcing.add(at);
      }
      if (at.number() <= 1) {
        break;
      }
      at =
          chain
              .header(at.parentHash())
              .orElseThrow(() -> new BabeDigestException("an ancestor header is missing"));
    }
    EpochState state = base;
    for (Header h : announcing.reversed()) {
      state = replay(state, h);
      synchronized (epochCache) {
        epochCache.put(h.hash(), state);
      }
    }
    if (state == null) {
      throw new BabeDigestException(
          "block #1 of this chain does not announce a BABE epoch: no epochs for #"
              + block.number());
    }
    if (announcing.isEmpty()) {
      synchronized (epochCache) {
        for (Hash256 h : walked) {
          epochCache.put(h, state);
        }
      }
    } else {
      synchronized (epochCache) {
        epochCache.put(block.hash(), state);
      }
    }
    return state;
  }

  private static boolean announcesEpoch(Header header) {
    return BabeConsensusLog.all(header).stream()
        .anyMatch(BabeConsensusLog.NextEpochData.class::isInstance);
  }

  /** The epochs after a stored block that announced one, from its digests. */
  private EpochState replay(EpochState before, Header announcer) {
    long slot = slotOf(announcer);
    BabeConsensusLog.NextEpochData next = null;
    Optional<BabeConsensusLog.NextConfigData> config = Optional.empty();
    for (BabeConsensusLog log : BabeConsensusLog.all(announcer)) {
      if (log instanceof BabeConsensusLog.NextEpochData d) {
        next = d;
      } else if (log instanceof BabeConsensusLog.NextConfigData c) {
        config = Optional.of(c);
      }
    }
    Epoch epoch = before == null ? configuration().genesisEpoch(slot) : before.next().forSlot(slot);
    return new EpochState(epoch, epoch.increment(next, config));
  }

  /**
   * The epoch of a block at {@code slot} on top of {@code parent}.
   *
   * @param epoch the epoch
   * @param starts whether the block is the first of that epoch (and must announce the next one)
   */
  record SlotEpoch(Epoch epoch, boolean starts) {}

  /**
   * The epoch a block at {@code slot} on top of {@code parent} belongs to (its index is {@code
   * (slot - start slot of epoch 0) / epoch length}).
   */
  public Epoch epochAt(Header parent, long slot) {
    return epochFor(parent, slot).epoch();
  }

  SlotEpoch epochFor(Header parent, long slot) {
    if (parent.number() == 0) {
      return new SlotEpoch(configuration().genesisEpoch(slot), true);
    }
    EpochState state = epochsAt(parent);
    if (slot >= state.next().startSlot()) {
      return new SlotEpoch(state.next().forSlot(slot), true);
    }
    return new SlotEpoch(state.current(), false);
  }

  // ---- verification ----

  @Override
  public Verdict verify(SignedBlock block, Header parent, BlockOrigin origin) {
    Header header = block.block().header();
    try {
      return check(header, parent, origin);
    } catch (BabeDigestException | BabeConfigurationException e) {
      return Verdict.rejected(e.getMessage());
    }
  }

  private Verdict check(Header header, Header parent, BlockOrigin origin) {
    Optional<BabePreDigest> found = BabePreDigest.find(header);
    if (found.isEmpty()) {
      return Verdict.rejected("it has no BABE pre-runtime digest");
    }
    BabePreDigest claim = found.get();
    long slot = claim.slot();
    if (parent.number() > 0) {
      long parentSlot = slotOf(parent);
      if (Long.compareUnsigned(slot, parentSlot) <= 0) {
        return Verdict.rejected(
            "its slot " + slot + " does not come after its parent's slot " + parentSlot);
      }
    }
    Optional<DigestItem.Seal> seal = header.seal();
    if (seal.isEmpty() || !seal.get().engine().equals(EngineId.BABE)) {
      return Verdict.rejected("it is not sealed: its last digest item is not a BABE seal");
    }
    if (seal.get().data().length() != Sr25519.SIGNATURE_LENGTH) {
      return Verdict.rejected(
          "bad seal: a BABE seal is a 64-byte signature, not " + seal.get().data().length());
    }
    if (fromNetwork(origin)) {
      long now = currentSlot();
      if (Long.compareUnsigned(slot, now + 1) > 0) {
        return Verdict.rejected(
            "its slot " + slot + " is in the future (the clock is at slot " + now + ")");
      }
    }

    SlotEpoch slotEpoch = epochFor(parent, slot);
    Epoch epoch = slotEpoch.epoch();
    Optional<BabeConsensusLog.NextEpochData> nextEpoch = Optional.empty();
    Optional<BabeConsensusLog.NextConfigData> nextConfig = Optional.empty();
    for (BabeConsensusLog log : BabeConsensusLog.all(header)) {
      switch (log) {
        case BabeConsensusLog.NextEpochData d -> {
          if (nextEpoch.isPresent()) {
            return Verdict.rejected("it announces the next BABE epoch twice");
          }
          nextEpoch = Optional.of(d);
        }
        case BabeConsensusLog.NextConfigData d -> {
          if (nextConfig.isPresent()) {
            return Verdict.rejected("it announces the next BABE configuration twice");
          }
          nextConfig = Optional.of(d);
        }
        case BabeConsensusLog.OnDisabled d -> {}
      }
    }
    if (slotEpoch.starts() && nextEpoch.isEmpty()) {
      return Verdict.rejected(
          "it starts BABE epoch " + epoch.index() + " but does not announce the next epoch");
    }
    if (!slotEpoch.starts() && nextEpoch.isPresent()) {
      return Verdict.rejected(
          "it announces a BABE epoch change in the middle of epoch " + epoch.index());
    }
    if (nextConfig.isPresent() && nextEpoch.isEmpty()) {
      return Verdict.rejected("it announces a BABE configuration without an epoch change");
    }
    if (nextEpoch.isPresent() && nextEpoch.get().authorities().isEmpty()) {
      return Verdict.rejected("it announces a BABE epoch without authorities");
    }

    long index = Integer.toUnsignedLong(claim.authorityIndex());
    if (index >= epoch.authorities().size()) {
      return Verdict.rejected(
          "its authority index "
              + index
              + " is out of range: epoch "
              + epoch.index()
              + " has "
              + epoch.authorities().size()
              + " authorities");
    }
    BabeAuthority author = epoch.authorities().get((int) index);
    Optional<String> claimError = checkClaim(claim, epoch, (int) index, author);
    if (claimError.isPresent()) {
      return Verdict.rejected(claimError.get());
    }

    Hash256 preHash = header.withoutSeal().hash();
    if (!Sr25519.verify(
        seal.get().data().toArray(), preHash.toArray(), author.publicKey().toArray())) {
      return Verdict.rejected(
          "bad seal: not signed by authority #" + index + " (" + author.publicKey().toHex() + ")");
    }

    if (!slotEpoch.starts()) {
      return Verdict.accepted();
    }
    EpochState after = new EpochState(epoch, epoch.increment(nextEpoch.get(), nextConfig));
    return Verdict.accepted(
        List.of(AuxWrite.put(auxKey(header.hash()), Bytes.wrap(EpochState.CODEC.encode(after)))));
  }

  /** Checks the claim itself (VRF, threshold, secondary author); empty if it holds. */
  private static Optional<String> checkClaim(
      BabePreDigest claim, Epoch epoch, int index, BabeAuthority author) {
    long slot = claim.slot();
    switch (claim) {
      case BabePreDigest.Primary p -> {
        if (!vrfValid(author, epoch, slot, p.vrf())) {
          return Optional.of("bad VRF proof in its primary claim of slot " + slot);
        }
        BigInteger value =
            SlotLottery.vrfValue(
                author.publicKey(), SlotLottery.transcript(epoch, slot), p.vrf().preOutput());
        BigInteger threshold = SlotLottery.primaryThreshold(epoch.c(), epoch.authorities(), index);
        if (value.compareTo(threshold) >= 0) {
          return Optional.of(
              "its primary claim of slot "
                  + slot
                  + " is above the threshold (VRF output "
                  + value
                  + " ≥ "
                  + threshold
                  + ")");
        }
      }
      case BabePreDigest.SecondaryPlain s -> {
        if (epoch.allowedSlots() != AllowedSlots.PRIMARY_AND_SECONDARY_PLAIN_SLOTS) {
          return Optional.of(notAllowed(claim, epoch));
        }
        Optional<String> wrongAuthor = secondaryAuthorError(epoch, slot, index);
        if (wrongAuthor.isPresent()) {
          return wrongAuthor;
        }
      }
      case BabePreDigest.SecondaryVrf s -> {
        if (epoch.allowedSlots() != AllowedSlots.PRIMARY_AND_SECONDARY_VRF_SLOTS) {
          return Optional.of(notAllowed(claim, epoch));
        }
        Optional<String> wrongAuthor = secondaryAuthorError(epoch, slot, index);
        if (wrongAuthor.isPresent()) {
          return wrongAuthor;
        }
        if (!vrfValid(author, epoch, slot, s.vrf())) {
          return Optional.of("bad VRF proof in its secondary VRF claim of slot " + slot);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean vrfValid(
      BabeAuthority author, Epoch epoch, long slot, Sr25519Vrf.VrfSignature vrf) {
    return Sr25519Vrf.verify(
        author.publicKey().toArray(), SlotLottery.transcript(epoch, slot), vrf.toBytes());
  }

  private static String notAllowed(BabePreDigest claim, Epoch epoch) {
    return claim.kind()
        + " claims are not allowed in BABE epoch "
        + epoch.index()
        + " ("
        + epoch.allowedSlots()
        + ")";
  }

  private static Optional<String> secondaryAuthorError(Epoch epoch, long slot, int index) {
    int expected =
        SlotLottery.secondaryAuthor(epoch.randomness(), slot, epoch.authorities().size());
    if (expected == index) {
      return Optional.empty();
    }
    return Optional.of(
        "authority #"
            + index
            + " is not the secondary author of slot "
            + slot
            + " (authority #"
            + expected
            + " is)");
  }

  private static boolean fromNetwork(BlockOrigin origin) {
    return switch (origin) {
      case NETWORK_INITIAL_SYNC, NETWORK_BROADCAST, CONSENSUS_BROADCAST -> true;
      case GENESIS, OWN, FILE -> false;
    };
  }

  /** The slot the clock is in. */
  public long currentSlot() {
    return Math.floorDiv(clock.millis(), configuration().slotDuration().toMillis());
  }

  // ---- authoring ----

  @Override
  public Duration slotDuration(Header parent) {
    return configuration().slotDuration();
  }

  @Override
  public long slotOf(Header header) {
    if (header.number() == 0) {
      return 0;
    }
    return BabePreDigest.find(header)
        .orElseThrow(
            () ->
                new BabeDigestException(
                    "block #" + header.number() + " has no BABE pre-runtime digest"))
        .slot();
  }

  @Override
  public Optional<SlotClaim> claim(Header parent, long slot) {
    if (parent.number() > 0 && Long.compareUnsigned(slot, slotOf(parent)) <= 0) {
      return Optional.empty();
    }
    Epoch epoch = epochFor(parent, slot).epoch();
    List<Bytes> local = keystore.publicKeys(KeyTypeId.BABE, KeyScheme.SR25519);
    for (Bytes key : local) {
      int index = epoch.indexOf(key);
      if (index < 0 || epoch.authorities().get(index).weight() == 0) {
        continue;
      }
      Optional<Sr25519Vrf.VrfSignature> vrf =
          keystore.sr25519VrfSign(KeyTypeId.BABE, key, SlotLottery.transcript(epoch, slot));
      if (vrf.isEmpty()) {
        continue;
      }
      BigInteger value =
          SlotLottery.vrfValue(key, SlotLottery.transcript(epoch, slot), vrf.get().preOutput());
      if (value.compareTo(SlotLottery.primaryThreshold(epoch.c(), epoch.authorities(), index))
          < 0) {
        return Optional.of(claimOf(new BabePreDigest.Primary(index, slot, vrf.get()), key));
      }
    }
    if (!epoch.allowedSlots().secondary()) {
      return Optional.empty();
    }
    int index = SlotLottery.secondaryAuthor(epoch.randomness(), slot, epoch.authorities().size());
    Bytes key = epoch.authorities().get(index).publicKey();
    if (!local.contains(key)) {
      return Optional.empty();
    }
    if (epoch.allowedSlots() == AllowedSlots.PRIMARY_AND_SECONDARY_PLAIN_SLOTS) {
      return Optional.of(claimOf(new BabePreDigest.SecondaryPlain(index, slot), key));
    }
    return keystore
        .sr25519VrfSign(KeyTypeId.BABE, key, SlotLottery.transcript(epoch, slot))
        .map(vrf -> claimOf(new BabePreDigest.SecondaryVrf(index, slot, vrf), key));
  }

  private static SlotClaim claimOf(BabePreDigest preDigest, Bytes key) {
    return new SlotClaim(preDigest.slot(), List.of(preDigest.toDigest()), key);
  }

  @Override
  public InherentData inherents(SlotClaim claim, InherentData base) {
    return base.with(SLOT_INHERENT, new ScaleWriter(8).writeU64(claim.slot()).toBytes());
  }

  @Override
  public DigestItem.Seal seal(SlotClaim claim, Header unsealed) {
    byte[] signature =
        keystore
            .sign(KeyTypeId.BABE, KeyScheme.SR25519, claim.authority(), unsealed.hash().toArray())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the babe key "
                            + claim.authority().toHex()
                            + " is no longer in the key store"));
    return new DigestItem.Seal(EngineId.BABE, Bytes.wrap(signature));
  }
}
