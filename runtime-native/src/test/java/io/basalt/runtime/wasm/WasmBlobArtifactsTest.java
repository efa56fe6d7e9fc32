/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.executor.host.HostFunctionRegistry;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.runtime.demo.chain.WasmCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The committed blobs: digests, compression, import and export sections, srtool digest JSON. */
class WasmBlobArtifactsTest {
  /** Spec §13: the only host functions the runtime may import. */
  private static final Set<String> ALLOWED_IMPORTS =
      Set.of(
          "ext_allocator_malloc_version_1",
          "ext_allocator_free_version_1",
          "ext_storage_get_version_1",
          "ext_storage_set_version_1",
          "ext_storage_clear_version_1",
          "ext_storage_exists_version_1",
          "ext_storage_append_version_1",
          "ext_storage_next_key_version_1",
          "ext_storage_start_transaction_version_1",
          "ext_storage_commit_transaction_version_1",
          "ext_storage_rollback_transaction_version_1",
          "ext_storage_clear_prefix_version_2",
          "ext_storage_root_version_2",
          "ext_hashing_blake2_128_version_1",
          "ext_hashing_blake2_256_version_1",
          "ext_hashing_twox_64_version_1",
          "ext_hashing_twox_128_version_1",
          "ext_crypto_ed25519_verify_version_1",
          "ext_crypto_sr25519_verify_version_2",
          "ext_crypto_secp256k1_ecdsa_recover_compressed_version_2",
          "ext_trie_blake2_256_ordered_root_version_2",
          "ext_misc_runtime_version_version_1",
          "ext_logging_log_version_1",
          "ext_logging_max_level_version_1",
          "ext_offchain_local_storage_get_version_1",
          "ext_offchain_local_storage_set_version_1",
          "ext_offchain_index_set_version_1");

  /** Spec §1: every runtime API method. */
  private static final List<String> API_EXPORTS =
      List.of(
          "Core_version",
          "Core_execute_block",
          "Core_initialize_block",
          "Metadata_metadata",
          "Metadata_metadata_at_version",
          "Metadata_metadata_versions",
          "BlockBuilder_apply_extrinsic",
          "BlockBuilder_finalize_block",
          "BlockBuilder_inherent_extrinsics",
          "BlockBuilder_check_inherents",
          "TaggedTransactionQueue_validate_transaction",
          "OffchainWorkerApi_offchain_worker",
          "AccountNonceApi_account_nonce",
          "TransactionPaymentApi_query_info",
          "TransactionPaymentApi_query_fee_details",
          "TransactionPaymentApi_query_weight_to_fee",
          "TransactionPaymentApi_query_length_to_fee",
          "GenesisBuilder_build_state",
          "GenesisBuilder_get_preset",
          "GenesisBuilder_preset_names",
          "SessionKeys_generate_session_keys",
          "SessionKeys_decode_session_keys");

  private static String sha256(byte[] data) throws NoSuchAlgorithmException {
    return Hex.encodeBare(MessageDigest.getInstance("SHA-256").digest(data));
  }

  private static List<String> sumsFile(String name) {
    return new String(WasmCode.file(name).toArray(), StandardCharsets.UTF_8).lines().toList();
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 101})
  void committedDigestsMatchTheBlobs(int spec) throws NoSuchAlgorithmException {
    for (String file :
        List.of(
            "basalt_demo_v" + spec + ".wasm",
            "basalt_demo_v" + spec + ".compact.compressed.wasm")) {
      byte[] data = WasmCode.file(file).toArray();
      assertThat(sumsFile("SHA256SUMS")).contains(sha256(data) + "  " + file);
      assertThat(sumsFile("BLAKE2_256SUMS"))
          .contains(Hex.encodeBare(Hashing.blake2b256(data)) + "  " + file);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 101})
  void compressedBlobIsTheZstdEnvelopeOfThePlainOne(int spec) {
    byte[] compressed = WasmCode.compressed(spec).toArray();
    assertThat(Hex.encodeBare(java.util.Arrays.copyOf(compressed, 8)))
        .isEqualTo("52bc537646db8e05");
    RuntimeBlob blob = RuntimeBlob.parse(compressed);
    assertThat(blob.isCompressed()).isTrue();
    assertThat(blob.wasm().toArray()).isEqualTo(WasmCode.plain(spec).toArray());
    assertThat(compressed.length).isLessThan(WasmCode.plain(spec).toArray().length / 2);
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 101})
  void importsOnlySpecHostFunctionsAndTheMemory(int spec) {
    WasmModule module = WasmModule.parse(WasmCode.plain(spec).toArray());
    HostFunctionRegistry registry = HostFunctionRegistry.standard();
    List<String> functions = new ArrayList<>();
    for (WasmModule.Import i : module.imports()) {
      assertThat(i.module()).isEqualTo("env");
      if (i.kind() == 2) {
        assertThat(i.name()).isEqualTo("memory");
      } else {
        assertThat(i.kind()).as("import kind of %s", i.name()).isZero();
        functions.add(i.name());
      }
    }
    assertThat(module.imports()).filteredOn(i -> i.kind() == 2).hasSize(1);
    assertThat(functions).isSubsetOf(ALLOWED_IMPORTS).contains("ext_allocator_malloc_version_1");
    assertThat(functions).allSatisfy(name -> assertThat(registry.lookup(name)).isPresent());
    assertThat(module.exports()).containsAll(API_EXPORTS).contains("__heap_base");
    assertThat(module.exports()).doesNotContain("memory");
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 101})
  void digestJsonCarriesSizesHashesAndTheSetCodeProposalHash(int spec)
      throws NoSuchAlgorithmException {
    String json =
        new String(
            WasmCode.file("basalt_demo_v" + spec + ".digest.json").toArray(),
            StandardCharsets.UTF_8);
    byte[] compressed = WasmCode.compressed(spec).toArray();
    byte[] wasm = WasmCode.plain(spec).toArray();
    String compressedProp = proposalHash(compressed);
    assertThat(field(json, "prop")).first().isEqualTo(compressedProp);
    assertThat(field(json, "proposal_hash")).containsExactly(proposalHash(wasm), compressedProp);
    assertThat(field(json, "sha256"))
        .containsExactly("0x" + sha256(compressed), "0x" + sha256(wasm), "0x" + sha256(compressed));
    assertThat(field(json, "blake2_256"))
        .contains(
            "0x" + Hex.encodeBare(Hashing.blake2b256(compressed)),
            "0x" + Hex.encodeBare(Hashing.blake2b256(wasm)));
    assertThat(field(json, "size"))
        .startsWith(String.valueOf(compressed.length), String.valueOf(wasm.length));
    assertThat(json)
        .contains("\"core_version\": \"basalt-demo-" + spec + " (basalt-demo-0.tx1.au1)\"");
    assertThat(json).contains("\"metadata_version\": 14");
  }

  /** blake2-256 of the SCALE call {@code System.set_code(code)} = {@code 00 02 ‖ Vec<u8>}. */
  private static String proposalHash(byte[] code) {
    return "0x"
        + Hex.encodeBare(
            Hashing.blake2b256(
                new ScaleWriter().writeU8(0).writeU8(2).writeByteVec(code).toByteArray()));
  }

  private static List<String> field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\": \"([^\"]*)\"").matcher(json);
    List<String> values = new ArrayList<>();
    while (m.find()) {
      values.add(m.group(1));
    }
    return values;
  }
}
