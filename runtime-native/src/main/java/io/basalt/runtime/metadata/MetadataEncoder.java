/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.hash.StorageHasher;
import io.basalt.primitives.scale.ScaleWriter;
import java.util.List;

/**
 * Encodes a {@link RuntimeDescription} as {@code RuntimeMetadataPrefixed}: the magic {@code
 * 0x6d657461} ("meta"), the version byte, then {@code RuntimeMetadataV14} or {@code V15} exactly as
 * frame-metadata lays them out.
 *
 * <pre>{@code
 * Bytes v14 = MetadataEncoder.encode(DemoRuntimeDescription.description(100), MetadataVersion.V14);
 * }</pre>
 */
public final class MetadataEncoder {
  /** {@code "meta"} as the little-endian u32 frame-metadata writes first. */
  public static final long MAGIC = 0x6174656dL;

  private MetadataEncoder() {}

  /** The prefixed metadata bytes (what {@code Metadata_metadata} wraps in a {@code Vec<u8>}). */
  public static Bytes encode(RuntimeDescription d, MetadataVersion version) {
    PortableRegistry registry = new PortableRegistry(d.types());
    // Register types in the order frame-metadata's constructor walks the structure, so ids match
    // what scale-info would assign; then write the registry first and the structure after it.
    ScaleWriter body = new ScaleWriter(1 << 14);
    writePallets(body, registry, d.pallets(), version);
    writeExtrinsic(body, registry, d.extrinsic(), version);
    body.writeCompact(registry.id(d.runtimeType()));
    if (version == MetadataVersion.V15) {
      writeApis(body, registry, d.apis());
      body.writeCompact(registry.id(d.callEnum()));
      body.writeCompact(registry.id(d.eventEnum()));
      body.writeCompact(registry.id(d.errorEnum()));
      body.writeCompact(0); // custom: empty BTreeMap<String, CustomValueMetadata>
    }
    ScaleWriter out = new ScaleWriter(body.size() + (1 << 15));
    out.writeU32(MAGIC).writeU8(version.number());
    registry.encode(out);
    out.writeRaw(body.toByteArray());
    return out.toBytes();
  }

  private static void writePallets(
      ScaleWriter w, PortableRegistry reg, List<PalletSpec> pallets, MetadataVersion version) {
    w.writeCompact(pallets.size());
    for (PalletSpec p : pallets) {
      w.writeString(p.name());
      if (p.storage().isEmpty()) {
        w.writeU8(0);
      } else {
        w.writeU8(1).writeString(p.name());
        w.writeCompact(p.storage().size());
        for (StorageEntrySpec e : p.storage()) {
          w.writeString(e.name());
          w.writeU8(e.optional() ? 0 : 1);
          if (e.hasher().isEmpty()) {
            w.writeU8(0).writeCompact(reg.id(e.valueType()));
          } else {
            w.writeU8(1);
            w.writeCompact(1).writeU8(hasherIndex(e.hasher().get()));
            w.writeCompact(reg.id(e.keyType().orElseThrow()));
            w.writeCompact(reg.id(e.valueType()));
          }
          w.writeByteVec(e.defaultValue());
          PortableRegistry.writeStrings(w, e.docs());
        }
      }
      writeOptionalType(w, reg, p.calls());
      writeOptionalType(w, reg, p.event());
      w.writeCompact(p.constants().size());
      for (ConstantSpec c : p.constants()) {
        w.writeString(c.name());
        w.writeCompact(reg.id(c.type()));
        w.writeByteVec(c.value());
        PortableRegistry.writeStrings(w, c.docs());
      }
      writeOptionalType(w, reg, p.error());
      w.writeU8(p.index());
      if (version == MetadataVersion.V15) {
        PortableRegistry.writeStrings(w, p.docs());
      }
    }
  }

  /** The variant index of frame-metadata's {@code StorageHasher}. */
  static int hasherIndex(StorageHasher hasher) {
    return switch (hasher) {
      case BLAKE2_128 -> 0;
      case BLAKE2_256 -> 1;
      case BLAKE2_128_CONCAT -> 2;
      case TWOX_128 -> 3;
      case TWOX_256 -> 4;
      case TWOX_64_CONCAT -> 5;
      case IDENTITY -> 6;
    };
  }

  private static void writeOptionalType(
      ScaleWriter w, PortableRegistry reg, java.util.Optional<String> type) {
    if (type.isPresent()) {
      w.writeU8(1).writeCompact(reg.id(type.get()));
    } else {
      w.writeU8(0);
    }
  }

  private static void writeExtrinsic(
      ScaleWriter w, PortableRegistry reg, ExtrinsicSpec x, MetadataVersion version) {
    if (version == MetadataVersion.V14) {
      w.writeCompact(reg.id(x.uncheckedExtrinsic()));
      w.writeU8(x.version());
    } else {
      w.writeU8(x.version());
      w.writeCompact(reg.id(x.address()));
      w.writeCompact(reg.id(x.call()));
      w.writeCompact(reg.id(x.signature()));
      w.writeCompact(reg.id(x.extra()));
    }
    w.writeCompact(x.signedExtensions().size());
    for (SignedExtensionSpec s : x.signedExtensions()) {
      w.writeString(s.identifier());
      w.writeCompact(reg.id(s.type()));
      w.writeCompact(reg.id(s.additionalSigned()));
    }
  }

  private static void writeApis(ScaleWriter w, PortableRegistry reg, List<RuntimeApiSpec> apis) {
    w.writeCompact(apis.size());
    for (RuntimeApiSpec api : apis) {
      w.writeString(api.name());
      w.writeCompact(api.methods().size());
      for (RuntimeApiSpec.Method m : api.methods()) {
        w.writeString(m.name());
        w.writeCompact(m.inputs().size());
        for (RuntimeApiSpec.Param p : m.inputs()) {
          w.writeString(p.name());
          w.writeCompact(reg.id(p.type()));
        }
        w.writeCompact(reg.id(m.output()));
        PortableRegistry.writeStrings(w, m.docs());
      }
      PortableRegistry.writeStrings(w, api.docs());
    }
  }
}
