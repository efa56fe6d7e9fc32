/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

import io.basalt.node.metadata.MetadataType;
import io.basalt.node.metadata.RuntimeMetadata;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.KeyPair;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Signed {@code Balances.transfer_keep_alive} extrinsics for a real FRAME runtime, built from its
 * metadata as polkadot.js does: the call index from the {@code RuntimeCall} enum, the signed
 * extensions from the runtime's extension tuple in the type registry (the well-known ones only; an
 * unknown one fails the test naming it), an immortal era, sr25519 {@code MultiSignature} and a
 * {@code MultiAddress::Id} sender (extrinsic format 4).
 *
 * @param metadata the runtime's metadata
 * @param specVersion its spec version (signed by {@code CheckSpecVersion})
 * @param transactionVersion its transaction version ({@code CheckTxVersion})
 * @param genesis the chain's genesis hash ({@code CheckGenesis}, the immortal era's block)
 */
record SignedTransfers(
    RuntimeMetadata metadata, long specVersion, long transactionVersion, Hash256 genesis) {

  /** The extrinsic, with its compact length prefix (as submitted to a pool). */
  Bytes transferKeepAlive(KeyPair from, Bytes to, BigInteger amount, long nonce) {
    Bytes call =
        callIndex("Balances", "transfer_keep_alive")
            .concat(
                new ScaleWriter()
                    .writeU8(0) // MultiAddress::Id
                    .writeRaw(to)
                    .writeCompact(amount)
                    .toBytes());
    ScaleWriter extra = new ScaleWriter();
    ScaleWriter additional = new ScaleWriter();
    for (String extension : extensions()) {
      switch (extension) {
        case "CheckNonZeroSender", "CheckWeight", "PrevalidateAttests" -> {}
        case "CheckSpecVersion" -> additional.writeU32(specVersion);
        case "CheckTxVersion" -> additional.writeU32(transactionVersion);
        case "CheckGenesis" -> additional.writeHash(genesis);
        case "CheckMortality", "CheckEra" -> {
          extra.writeU8(0); // Era::Immortal
          additional.writeHash(genesis);
        }
        case "CheckNonce" -> extra.writeCompact(nonce);
        case "ChargeTransactionPayment" -> extra.writeCompact(0); // tip
        case "CheckMetadataHash" -> {
          extra.writeU8(0); // Mode::Disabled
          additional.writeU8(0); // None
        }
        default -> throw new AssertionError("unknown signed extension " + extension);
      }
    }
    byte[] payload =
        new ScaleWriter()
            .writeRaw(call)
            .writeRaw(extra.toBytes())
            .writeRaw(additional.toBytes())
            .toByteArray();
    if (payload.length > 256) {
      payload = Hashing.blake2b256(payload);
    }
    byte[] signature = from.sign(payload);
    byte[] body =
        new ScaleWriter()
            .writeU8(0x84) // signed, format 4
            .writeU8(0) // MultiAddress::Id
            .writeRaw(from.publicKey())
            .writeU8(1) // MultiSignature::Sr25519
            .writeRaw(signature)
            .writeRaw(extra.toBytes())
            .writeRaw(call)
            .toByteArray();
    return new ScaleWriter().writeByteVec(body).toBytes();
  }

  /** {@code [pallet index, call index]} of {@code pallet.call}. */
  Bytes callIndex(String pallet, String call) {
    for (MetadataType type : metadata.types()) {
      List<String> path = type.path();
      if (path.size() == 2
          && path.get(0).endsWith("runtime")
          && (path.get(1).equals("RuntimeCall") || path.get(1).equals("Call"))
          && type.def() instanceof MetadataType.VariantDef(List<MetadataType.Variant> pallets)) {
        for (MetadataType.Variant p : pallets) {
          if (p.name().equals(pallet)
              && metadata.type(p.fields().get(0).type()).def()
                  instanceof MetadataType.VariantDef(List<MetadataType.Variant> calls)) {
            for (MetadataType.Variant c : calls) {
              if (c.name().equals(call)) {
                return Bytes.of((byte) p.index(), (byte) c.index());
              }
            }
          }
        }
      }
    }
    throw new AssertionError("the runtime has no call " + pallet + "." + call);
  }

  /** The names of the signed extensions, in order: the registry's tuple that holds CheckNonce. */
  List<String> extensions() {
    for (MetadataType type : metadata.types()) {
      if (type.def() instanceof MetadataType.Tuple(List<Integer> elements) && elements.size() > 1) {
        List<String> names = new ArrayList<>();
        for (int element : elements) {
          List<String> path = metadata.type(element).path();
          names.add(path.isEmpty() ? "" : path.get(path.size() - 1));
        }
        if (names.contains("CheckNonce") && names.contains("CheckSpecVersion")) {
          return names;
        }
      }
    }
    throw new AssertionError("no signed extension tuple in the metadata");
  }
}
