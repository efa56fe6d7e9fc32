/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.testsupport;

import java.util.List;

/**
 * A compact trie proof made by Substrate's trie-db, as a known answer for Basalt's compact proofs
 * (the format {@code ext_trie_*_verify_proof} checks). No fixture holds one, so the nodes are
 * written here as facts, each with its origin.
 *
 * <p>The proof is for one chunk of a transaction-storage chunk trie (sp-transaction-storage-proof):
 * {@code chunkCount} chunks of {@link #CHUNK_SIZE} zero bytes, chunk {@code i} under the SCALE
 * {@code Compact<u32>} of {@code i}, in a V1 (hashed values) trie hashed with BLAKE2b-256. Such a
 * proof is what {@code pallet-transaction-storage} checks with {@code
 * sp_io::trie::blake2_256_verify_proof(root, proof, key, chunk, V1)}.
 *
 * <pre>{@code
 * TrieDbChunkProof proof = TrieDbChunkProof.TRANSACTION_STORAGE_BENCHMARK;
 * List<String> nodes = proof.nodes(); // hex, to check with proof.key() and 256 zero bytes
 * }</pre>
 *
 * @param chunkCount how many chunks the trie holds
 * @param chunkIndex the proven chunk
 * @param key the proven chunk's key in hex, as the source gives it
 * @param nodes the proof's nodes in hex, in trie-db's order
 */
public record TrieDbChunkProof(int chunkCount, int chunkIndex, String key, List<String> nodes) {
  /** The size of a chunk, and here the size of every value: 256 zero bytes. */
  public static final int CHUNK_SIZE = 256;

  /**
   * The {@code PROOF} of polkadot-sdk's {@code substrate/frame/transaction-storage/src/
   * benchmarking.rs} (commit 4c0725b440f3bd7e70970a25bdddc281a40af216), a SCALE {@code
   * TransactionStorageProof { chunk, proof }}: {@code proof} is {@code build_proof}'s call to
   * {@code sp_trie::generate_trie_proof} (trie-db's {@code generate_proof}) over 8 MiB of zeros,
   * with the target chunk key forced to {@code [22, 21, 1, 0]} (chunk 17733).
   */
  public static final TrieDbChunkProof TRANSACTION_STORAGE_BENCHMARK =
      new TrieDbChunkProof(
          32768,
          17733,
          "0x16150100",
          List.of(
              """
          80ffff80302eb0a6d2f63b834d15f1e729d1c1004657e3048cf206d697eeb153f61a30ba0080302eb0a6d2f6
          3b834d15f1e729d1c1004657e3048cf206d697eeb153f61a30ba80302eb0a6d2f63b834d15f1e729d1c10046
          57e3048cf206d697eeb153f61a30ba80302eb0a6d2f63b834d15f1e729d1c1004657e3048cf206d697eeb153
          f61a30ba80302eb0a6d2f63b834d15f1e729d1c1004657e3048cf206d697eeb153f61a30ba80302eb0a6d2f6
          3b834d15f1e729d1c1004657e3048cf206d697eeb153f61a30ba80302eb0a6d2f63b834d15f1e729d1c10046
          57e3048cf206d697eeb153f61a30ba80302eb0a6d2f63b834d15f1e729d1c1004657e3048cf206d697eeb153
          f61a30ba80302eb0a6d2f63b834d15f1e729d1c1004657e3048cf206d697eeb153f61a30ba80302eb0a6d2f6
          3b834d15f1e729d1c1004657e3048cf206d697eeb153f61a30ba80302eb0a6d2f63b834d15f1e729d1c10046
          57e3048cf206d697eeb153f61a30ba80302eb0a6d2f63b834d15f1e729d1c1004657e3048cf206d697eeb153
          f61a30ba80302eb0a6d2f63b834d15f1e729d1c1004657e3048cf206d697eeb153f61a30ba80302eb0a6d2f6
          3b834d15f1e729d1c1004657e3048cf206d697eeb153f61a30ba80302eb0a6d2f63b834d15f1e729d1c10046
          57e3048cf206d697eeb153f61a30ba
          """,
              """
          8077778010fd81bc1359802f0b871aeb95e4410a8ec92b93af10ea767a2027cf4734e8de808da338e6b722f7
          bf2051901bd5bccee5e71d5cf6b1faff338ad7120b0256c28380221ce17f19117affa96e077905fe48a99723
          a065969c638593b7d9ab57b538438010fd81bc1359802f0b871aeb95e4410a8ec92b93af10ea767a2027cf47
          34e8de808da338e6b722f7bf2051901bd5bccee5e71d5cf6b1faff338ad7120b0256c283008010fd81bc1359
          802f0b871aeb95e4410a8ec92b93af10ea767a2027cf4734e8de808da338e6b722f7bf2051901bd5bccee5e7
          1d5cf6b1faff338ad7120b0256c28380221ce17f19117affa96e077905fe48a99723a065969c638593b7d9ab
          57b538438010fd81bc1359802f0b871aeb95e4410a8ec92b93af10ea767a2027cf4734e8de808da338e6b722
          f7bf2051901bd5bccee5e71d5cf6b1faff338ad7120b0256c28380221ce17f19117affa96e077905fe48a997
          23a065969c638593b7d9ab57b53843
          """,
              """
          80ffff804509f59593fd47b1a97189127ba65a5649cfb0346637f9836e155eaf891a939c00804509f59593fd
          47b1a97189127ba65a5649cfb0346637f9836e155eaf891a939c804509f59593fd47b1a97189127ba65a5649
          cfb0346637f9836e155eaf891a939c804509f59593fd47b1a97189127ba65a5649cfb0346637f9836e155eaf
          891a939c804509f59593fd47b1a97189127ba65a5649cfb0346637f9836e155eaf891a939c804509f59593fd
          47b1a97189127ba65a5649cfb0346637f9836e155eaf891a939c804509f59593fd47b1a97189127ba65a5649
          cfb0346637f9836e155eaf891a939c804509f59593fd47b1a97189127ba65a5649cfb0346637f9836e155eaf
          891a939c804509f59593fd47b1a97189127ba65a5649cfb0346637f9836e155eaf891a939c804509f59593fd
          47b1a97189127ba65a5649cfb0346637f9836e155eaf891a939c804509f59593fd47b1a97189127ba65a5649
          cfb0346637f9836e155eaf891a939c804509f59593fd47b1a97189127ba65a5649cfb0346637f9836e155eaf
          891a939c804509f59593fd47b1a97189127ba65a5649cfb0346637f9836e155eaf891a939c804509f59593fd
          47b1a97189127ba65a5649cfb0346637f9836e155eaf891a939c804509f59593fd47b1a97189127ba65a5649
          cfb0346637f9836e155eaf891a939c
          """,
              """
          80ffff8078916e776c64ccea05e958559f015c082d9d06feafa3610fc44a5b2ef543cb818078916e776c64cc
          ea05e958559f015c082d9d06feafa3610fc44a5b2ef543cb818078916e776c64ccea05e958559f015c082d9d
          06feafa3610fc44a5b2ef543cb818078916e776c64ccea05e958559f015c082d9d06feafa3610fc44a5b2ef5
          43cb818078916e776c64ccea05e958559f015c082d9d06feafa3610fc44a5b2ef543cb81008078916e776c64
          ccea05e958559f015c082d9d06feafa3610fc44a5b2ef543cb818078916e776c64ccea05e958559f015c082d
          9d06feafa3610fc44a5b2ef543cb818078916e776c64ccea05e958559f015c082d9d06feafa3610fc44a5b2e
          f543cb818078916e776c64ccea05e958559f015c082d9d06feafa3610fc44a5b2ef543cb818078916e776c64
          ccea05e958559f015c082d9d06feafa3610fc44a5b2ef543cb818078916e776c64ccea05e958559f015c082d
          9d06feafa3610fc44a5b2ef543cb818078916e776c64ccea05e958559f015c082d9d06feafa3610fc44a5b2e
          f543cb818078916e776c64ccea05e958559f015c082d9d06feafa3610fc44a5b2ef543cb818078916e776c64
          ccea05e958559f015c082d9d06feafa3610fc44a5b2ef543cb818078916e776c64ccea05e958559f015c082d
          9d06feafa3610fc44a5b2ef543cb81
          """,
              """
          44010000
          """));

  public TrieDbChunkProof {
    nodes = nodes.stream().map(n -> n.replaceAll("\\s", "")).toList();
  }
}
