/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.api;

import io.basalt.executor.api.NativeRuntimePanic;
import io.basalt.executor.api.RuntimeContext;
import io.basalt.executor.api.UnsupportedRuntimeApiException;
import io.basalt.primitives.types.RuntimeVersion;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The exported functions of basalt-demo ({@code <Api>_<method>}, runtime-spec §1, §9) and their
 * Java implementations: the native twin of the Wasm runtime's export table.
 *
 * <pre>{@code
 * byte[] version = RuntimeApis.call("Core_version", new byte[0], context, DemoRuntimeDescription.version(100));
 * }</pre>
 */
public final class RuntimeApis {
  private static final Map<String, ApiMethod> METHODS = methods();

  private RuntimeApis() {}

  private static Map<String, ApiMethod> methods() {
    Map<String, ApiMethod> m = new TreeMap<>();
    m.put("Core_version", CoreApi::version);
    m.put("Core_execute_block", CoreApi::executeBlock);
    m.put("Core_initialize_block", CoreApi::initializeBlock);
    m.put("Metadata_metadata", MetadataApi::metadata);
    m.put("Metadata_metadata_at_version", MetadataApi::metadataAtVersion);
    m.put("Metadata_metadata_versions", MetadataApi::metadataVersions);
    m.put("BlockBuilder_apply_extrinsic", BlockBuilderApi::applyExtrinsic);
    m.put("BlockBuilder_finalize_block", BlockBuilderApi::finalizeBlock);
    m.put("BlockBuilder_inherent_extrinsics", BlockBuilderApi::inherentExtrinsics);
    m.put("BlockBuilder_check_inherents", BlockBuilderApi::checkInherents);
    m.put(
        "TaggedTransactionQueue_validate_transaction",
        TaggedTransactionQueueApi::validateTransaction);
    m.put("OffchainWorkerApi_offchain_worker", OffchainWorkerApi::offchainWorker);
    m.put("AccountNonceApi_account_nonce", AccountNonceApi::accountNonce);
    m.put("TransactionPaymentApi_query_info", TransactionPaymentApi::queryInfo);
    m.put("TransactionPaymentApi_query_fee_details", TransactionPaymentApi::queryFeeDetails);
    m.put("TransactionPaymentApi_query_weight_to_fee", TransactionPaymentApi::queryWeightToFee);
    m.put("TransactionPaymentApi_query_length_to_fee", TransactionPaymentApi::queryLengthToFee);
    m.put("GenesisBuilder_build_state", GenesisBuilderApi::buildState);
    m.put("GenesisBuilder_get_preset", GenesisBuilderApi::getPreset);
    m.put("GenesisBuilder_preset_names", GenesisBuilderApi::presetNames);
    m.put("SessionKeys_generate_session_keys", SessionKeysApi::generateSessionKeys);
    m.put("SessionKeys_decode_session_keys", SessionKeysApi::decodeSessionKeys);
    return Map.copyOf(m);
  }

  /** The exported function names. */
  public static Set<String> names() {
    return new java.util.TreeSet<>(METHODS.keySet());
  }

  /**
   * Calls an exported function.
   *
   * @throws UnsupportedRuntimeApiException for an unknown function
   * @throws NativeRuntimePanic if the runtime panics
   */
  public static byte[] call(
      String method, byte[] input, RuntimeContext context, RuntimeVersion version) {
    ApiMethod api = METHODS.get(method);
    if (api == null) {
      throw new UnsupportedRuntimeApiException(method);
    }
    return api.call(new ApiScope(context, version), input);
  }
}
