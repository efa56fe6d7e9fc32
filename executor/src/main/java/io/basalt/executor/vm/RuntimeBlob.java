/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.vm;

import com.github.luben.zstd.ZstdInputStream;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.types.ApiVersion;
import io.basalt.primitives.types.RuntimeVersion;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Runtime code as found under {@code :code}: possibly zstd-compressed Wasm, with the runtime
 * version embedded in custom sections.
 *
 * <p>{@link #parse} strips the {@code sp-maybe-compressed-blob} envelope (8-byte magic + zstd
 * frame, decompressed with a 50 MiB bomb limit), checks the Wasm preamble and section headers and
 * decodes the {@code runtime_version} and {@code runtime_apis} custom sections. It does not compile
 * anything, so it is cheap enough for the genesis builder. Two blobs are the same runtime iff their
 * {@link #codeHash()}es are equal.
 *
 * <pre>{@code
 * RuntimeBlob blob = RuntimeBlob.parse(codeBytes);
 * blob.embeddedVersion().map(RuntimeVersion::stateVersion); // V0/V1 without running the runtime
 * }</pre>
 */
public final class RuntimeBlob {
  /** The largest decompressed code accepted ({@code CODE_BLOB_BOMB_LIMIT}). */
  public static final int BOMB_LIMIT = 50 * 1024 * 1024;

  /** {@code sp-maybe-compressed-blob} legacy magic: zstd-compressed Wasm code. */
  static final byte[] ZSTD_PREFIX = Hex.decode("52bc537646db8e05");

  private static final int TYPED_PREFIX_LENGTH = 8;
  private static final byte[] PVM_MAGIC = {'P', 'V', 'M', 0};

  private final Hash256 codeHash;
  private final Bytes wasm;
  private final boolean compressed;
  private final int originalSize;
  private final Map<String, Bytes> customSections;
  private final Set<String> functionExports;
  private final Optional<RuntimeVersion> embeddedVersion;

  private RuntimeBlob(
      Hash256 codeHash,
      Bytes wasm,
      boolean compressed,
      int originalSize,
      WasmSections.Scan sections) {
    this.codeHash = codeHash;
    this.wasm = wasm;
    this.compressed = compressed;
    this.originalSize = originalSize;
    this.customSections = sections.customs();
    this.functionExports = sections.functionExports();
    this.embeddedVersion = readEmbeddedVersion(this.customSections);
  }

  /**
   * Parses runtime code: decompresses it if needed, checks the Wasm preamble and section headers,
   * reads the embedded version.
   *
   * @param code the {@code :code} value, compressed or not
   * @throws InvalidRuntimeCodeException if the code is not (compressed) Wasm version 1, is a
   *     compression bomb, or has malformed sections
   */
  public static RuntimeBlob parse(byte[] code) {
    Hash256 codeHash = Hashing.blake2b256Hash(code);
    byte[] wasm;
    boolean compressed;
    if (startsWith(code, ZSTD_PREFIX)) {
      wasm = decompress(code);
      compressed = true;
    } else {
      rejectUnsupportedEnvelope(code);
      wasm = code.clone();
      compressed = false;
    }
    if (!WasmSections.hasWasmMagic(wasm)) {
      throw new InvalidRuntimeCodeException(
          "`:code` is not a Wasm module"
              + (compressed ? " after decompression" : "")
              + ": it starts with "
              + Hex.encode(wasm, 0, Math.min(8, wasm.length))
              + ", expected 0x0061736d01000000 or the zstd prefix 0x52bc537646db8e05");
    }
    return new RuntimeBlob(
        codeHash, Bytes.wrap(wasm), compressed, code.length, WasmSections.scan(wasm));
  }

  /** Parses runtime code held as {@link Bytes}. */
  public static RuntimeBlob parse(Bytes code) {
    return parse(code.unsafeArray());
  }

  private static void rejectUnsupportedEnvelope(byte[] code) {
    if (startsWith(code, PVM_MAGIC)) {
      throw new InvalidRuntimeCodeException(
          "`:code` is a PolkaVM program (magic PVM\\0), which this node cannot execute: only"
              + " Wasm runtimes are supported");
    }
    if (code.length >= TYPED_PREFIX_LENGTH
        && Arrays.equals(code, 0, 7, ZSTD_PREFIX, 0, 7)
        && code[7] != ZSTD_PREFIX[7]) {
      String kind =
          switch (code[7]) {
            case 0x06 -> "a compressed proof-of-validity (PoV)";
            case 0x07 -> "typed compressed Wasm code (sp-maybe-compressed-blob magic ...8e07)";
            case 0x08 -> "compressed PolkaVM code";
            default -> "an unknown sp-maybe-compressed-blob kind";
          };
      throw new InvalidRuntimeCodeException(
          "`:code` is "
              + kind
              + " (prefix "
              + Hex.encode(code, 0, TYPED_PREFIX_LENGTH)
              + "), which is unsupported: only legacy zstd-compressed Wasm (prefix"
              + " 0x52bc537646db8e05) and plain Wasm are accepted");
    }
  }

  /** Decompresses with a hard output limit so a bomb never allocates more than the limit. */
  private static byte[] decompress(byte[] code) {
    try (InputStream in =
        new ZstdInputStream(
            new ByteArrayInputStream(code, ZSTD_PREFIX.length, code.length - ZSTD_PREFIX.length))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(code.length * 4, BOMB_LIMIT));
      byte[] buffer = new byte[64 * 1024];
      int total = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > BOMB_LIMIT) {
          throw new InvalidRuntimeCodeException(
              "`:code` decompresses to more than "
                  + BOMB_LIMIT
                  + " bytes (50 MiB): possible compression bomb, refused");
        }
        out.write(buffer, 0, n);
      }
      if (total == 0) {
        throw new InvalidRuntimeCodeException("`:code` decompresses to nothing");
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new InvalidRuntimeCodeException(
          "`:code` has the zstd prefix but is not a valid zstd frame: " + e.getMessage(), e);
    }
  }

  private static boolean startsWith(byte[] data, byte[] prefix) {
    return data.length >= prefix.length
        && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static Optional<RuntimeVersion> readEmbeddedVersion(Map<String, Bytes> sections) {
    Bytes versionSection = sections.get("runtime_version");
    if (versionSection == null) {
      return Optional.empty();
    }
    Optional<List<ApiVersion>> apis =
        Optional.ofNullable(sections.get("runtime_apis")).map(RuntimeBlob::decodeRuntimeApis);
    OptionalLong coreHint = apis.map(RuntimeVersion::coreVersion).orElse(OptionalLong.empty());
    RuntimeVersion decoded;
    try {
      decoded = RuntimeVersion.decode(versionSection.unsafeArray(), coreHint);
    } catch (ScaleDecodingException e) {
      throw new InvalidRuntimeCodeException(
          "malformed `runtime_version` custom section: " + e.getMessage(), e);
    }
    return Optional.of(apis.map(decoded::withApis).orElse(decoded));
  }

  /**
   * Decodes the {@code runtime_apis} custom section: concatenated 12-byte records {@code [8-byte
   * api id][u32 LE version]}, no length prefix.
   *
   * @throws InvalidRuntimeCodeException if the section length is not a multiple of 12
   */
  static List<ApiVersion> decodeRuntimeApis(Bytes section) {
    byte[] raw = section.unsafeArray();
    if (raw.length % 12 != 0) {
      throw new InvalidRuntimeCodeException(
          "malformed `runtime_apis` custom section: "
              + raw.length
              + " bytes is not a whole number of 12-byte (id, version) records");
    }
    List<ApiVersion> apis = new ArrayList<>(raw.length / 12);
    for (int i = 0; i < raw.length; i += 12) {
      long version =
          (raw[i + 8] & 0xffL)
              | (raw[i + 9] & 0xffL) << 8
              | (raw[i + 10] & 0xffL) << 16
              | (raw[i + 11] & 0xffL) << 24;
      apis.add(new ApiVersion(Bytes.wrap(Arrays.copyOfRange(raw, i, i + 8)), version));
    }
    return List.copyOf(apis);
  }

  /** BLAKE2b-256 of the code exactly as stored (compressed if it was). */
  public Hash256 codeHash() {
    return codeHash;
  }

  /** The (decompressed) Wasm module. */
  public Bytes wasm() {
    return wasm;
  }

  /** Whether the code carried the zstd envelope. */
  public boolean isCompressed() {
    return compressed;
  }

  /**
   * Whether the module exports a function of this name, e.g. a runtime API entry point such as
   * {@code GenesisBuilder_get_preset}. Read from the export section without compiling.
   */
  public boolean exportsFunction(String name) {
    return functionExports.contains(name);
  }

  /** Size of the code as stored, in bytes. */
  public int originalSize() {
    return originalSize;
  }

  /** Size of the Wasm module, in bytes. */
  public int wasmSize() {
    return wasm.length();
  }

  /**
   * The version from the {@code runtime_version} (and {@code runtime_apis}) custom sections, or
   * empty if the runtime predates them; then {@code Core_version} must be called.
   */
  public Optional<RuntimeVersion> embeddedVersion() {
    return embeddedVersion;
  }

  /** The contents of the first custom section with this name. */
  public Optional<Bytes> customSection(String name) {
    return Optional.ofNullable(customSections.get(name));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RuntimeBlob other && codeHash.equals(other.codeHash);
  }

  @Override
  public int hashCode() {
    return codeHash.hashCode();
  }

  @Override
  public String toString() {
    return "RuntimeBlob{codeHash="
        + codeHash
        + ", wasm="
        + wasm.length()
        + " bytes"
        + (compressed ? ", compressed " + originalSize + " bytes" : "")
        + embeddedVersion.map(v -> ", " + v.specName() + "/" + v.specVersion()).orElse("")
        + "}";
  }
}
