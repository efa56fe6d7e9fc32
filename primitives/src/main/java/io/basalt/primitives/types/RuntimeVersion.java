/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.types;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A runtime's version, as {@code Core_version} returns it.
 *
 * <p>The encoding grew over time: {@code transaction_version} exists when the runtime's {@code
 * Core} API is version 3 or later, {@code system_version} (formerly {@code state_version}) when it
 * is 4 or later. Decoding therefore needs the Core version, found in {@code apis} or, for the
 * {@code runtime_version} custom section whose {@code apis} is empty, given as a hint. Encoding
 * always writes every field, as Substrate does.
 *
 * @param specName the runtime's identity; native execution and overrides require it to match
 * @param implName the implementation's name
 * @param authoringVersion the block authoring version
 * @param specVersion the specification version; bumped on every behaviour change
 * @param implVersion the implementation version
 * @param apis the runtime APIs with their versions
 * @param transactionVersion the extrinsic format version (1 when absent)
 * @param systemVersion 0: state and extrinsics roots V0; 1: state V1; 2+: both V1
 */
public record RuntimeVersion(
    String specName,
    String implName,
    long authoringVersion,
    long specVersion,
    long implVersion,
    List<ApiVersion> apis,
    long transactionVersion,
    int systemVersion) {

  public RuntimeVersion {
    apis = List.copyOf(apis);
  }

  /** Encodes every field. */
  public byte[] encode() {
    ScaleWriter w = new ScaleWriter(128);
    w.writeString(specName).writeString(implName);
    w.writeU32(authoringVersion).writeU32(specVersion).writeU32(implVersion);
    w.writeVec(apis, ApiVersion.CODEC);
    w.writeU32(transactionVersion).writeU8(systemVersion);
    return w.toByteArray();
  }

  /**
   * Decodes a runtime version, reading the optional tail according to the Core API version found in
   * {@code apis}, or {@code coreVersionHint} if {@code apis} does not list Core. Trailing bytes are
   * ignored, as the Rust decoder does.
   */
  public static RuntimeVersion decode(byte[] encoded, OptionalLong coreVersionHint) {
    ScaleReader r = new ScaleReader(encoded);
    String specName = r.readString();
    String implName = r.readString();
    long authoring = r.readU32AsLong();
    long spec = r.readU32AsLong();
    long impl = r.readU32AsLong();
    List<ApiVersion> apis = r.readVec(ApiVersion.CODEC);
    long core = coreVersion(apis).orElse(coreVersionHint.orElse(1));
    long txVersion = core >= 3 ? r.readU32AsLong() : 1;
    int systemVersion = core >= 4 ? r.readU8() : 0;
    return new RuntimeVersion(
        specName, implName, authoring, spec, impl, apis, txVersion, systemVersion);
  }

  /** The version of the {@code Core} API in an API list, if listed. */
  public static OptionalLong coreVersion(List<ApiVersion> apis) {
    for (ApiVersion api : apis) {
      if (api.id().equals(ApiVersion.CORE)) {
        return OptionalLong.of(api.version());
      }
    }
    return OptionalLong.empty();
  }

  /** The version of the named API, if the runtime implements it. */
  public Optional<Long> apiVersion(String apiName) {
    Bytes id = ApiVersion.idOf(apiName);
    return apis.stream().filter(a -> a.id().equals(id)).map(ApiVersion::version).findFirst();
  }

  /** This version with its API list replaced (from the {@code runtime_apis} custom section). */
  public RuntimeVersion withApis(List<ApiVersion> newApis) {
    return new RuntimeVersion(
        specName,
        implName,
        authoringVersion,
        specVersion,
        implVersion,
        newApis,
        transactionVersion,
        systemVersion);
  }

  /** The layout of the state trie this runtime uses. */
  public StateVersion stateVersion() {
    return systemVersion == 0 ? StateVersion.V0 : StateVersion.V1;
  }

  /** The layout of the extrinsics trie this runtime uses. */
  public StateVersion extrinsicsRootVersion() {
    return systemVersion >= 2 ? StateVersion.V1 : StateVersion.V0;
  }

  /**
   * Substrate's {@code can_call_with}: native code may stand in for this on-chain runtime only if
   * spec name, spec version and authoring version are equal.
   */
  public boolean canCallWith(RuntimeVersion other) {
    return specName.equals(other.specName)
        && specVersion == other.specVersion
        && authoringVersion == other.authoringVersion;
  }
}
