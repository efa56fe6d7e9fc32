/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.extrinsic;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleWriter;

/**
 * What a signature covers beyond the extrinsic's own bytes (runtime-spec §3.2): {@code
 * u32le(spec_version) ‖ u32le(transaction_version) ‖ genesis_hash ‖ era_block_hash}.
 *
 * @param specVersion CheckSpecVersion
 * @param transactionVersion CheckTxVersion
 * @param genesisHash CheckGenesis: {@code System.BlockHash[0]}
 * @param eraBlockHash CheckMortality: {@code System.BlockHash[era.birth(current)]}
 */
public record AdditionalSigned(
    long specVersion, long transactionVersion, Hash256 genesisHash, Hash256 eraBlockHash) {

  /** Payloads longer than this are signed by their BLAKE2b-256 hash. */
  public static final int MAX_UNHASHED_PAYLOAD = 256;

  /** The signing payload {@code call ‖ extra ‖ additional_signed}. */
  public Bytes payload(Bytes encodedCall, SignedExtra extra) {
    ScaleWriter w = new ScaleWriter(encodedCall.length() + 96);
    w.writeRaw(encodedCall);
    extra.encode(w);
    w.writeU32(specVersion).writeU32(transactionVersion);
    w.writeHash(genesisHash).writeHash(eraBlockHash);
    return w.toBytes();
  }

  /** The message actually signed: the payload, or its hash when longer than 256 bytes. */
  public Bytes signingMessage(Bytes encodedCall, SignedExtra extra) {
    Bytes payload = payload(encodedCall, extra);
    return payload.length() > MAX_UNHASHED_PAYLOAD
        ? Bytes.wrap(Hashing.blake2b256(payload.unsafeArray()))
        : payload;
  }
}
