/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.code;

import io.basalt.executor.RuntimeExecutor;
import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.primitives.types.RuntimeVersion;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtimes of {@code --wasm-runtime-overrides DIR}, read once at startup with Substrate's rules
 * (sc-service {@code WasmOverride}): every file directly in the directory (not in subdirectories)
 * whose extension is exactly {@code wasm} ({@code x.compact.compressed.wasm} counts; {@code
 * x.wasm.zst}, {@code X.WASM} and {@code README} do not) is a runtime; its version is read (custom
 * sections, else {@code Core_version}) and it is keyed by {@code spec_version} alone. Any file that
 * cannot be read or has no readable version, and two files with one {@code spec_version}, stop the
 * node from starting. Each runtime found is logged: {@code Found wasm override.}
 *
 * <pre>{@code
 * WasmOverrides overrides = WasmOverrides.load(Path.of("overrides"), executor);
 * Optional<WasmOverrides.OverrideRuntime> o = overrides.forSpecVersion(100);
 * }</pre>
 */
public final class WasmOverrides {
  private static final Logger LOG = LoggerFactory.getLogger("wasm_overrides");
  private static final WasmOverrides NONE = new WasmOverrides(Map.of());

  private final Map<Long, OverrideRuntime> bySpecVersion;

  /**
   * One override runtime.
   *
   * @param file where it was read from
   * @param blob its code
   * @param version its version
   */
  public record OverrideRuntime(Path file, RuntimeBlob blob, RuntimeVersion version) {}

  private WasmOverrides(Map<Long, OverrideRuntime> bySpecVersion) {
    this.bySpecVersion = Collections.unmodifiableMap(new TreeMap<>(bySpecVersion));
  }

  /** No overrides. */
  public static WasmOverrides none() {
    return NONE;
  }

  /**
   * Reads the overrides in {@code directory}.
   *
   * @param versions reads each runtime's version
   * @throws InvalidRuntimeCodeSourceException if the directory is missing or not a directory, a
   *     {@code .wasm} file cannot be read or is not a runtime with a readable version, or two files
   *     have the same spec version
   */
  public static WasmOverrides load(Path directory, RuntimeExecutor versions) {
    if (!Files.exists(directory)) {
      throw new InvalidRuntimeCodeSourceException(
          "--wasm-runtime-overrides: " + directory + " does not exist");
    }
    if (!Files.isDirectory(directory)) {
      throw new InvalidRuntimeCodeSourceException(
          "--wasm-runtime-overrides: " + directory + " is not a directory");
    }
    Map<Long, OverrideRuntime> found = new TreeMap<>();
    for (Path file : wasmFiles(directory)) {
      OverrideRuntime o = read(file, versions);
      OverrideRuntime other = found.putIfAbsent(o.version().specVersion(), o);
      if (other != null) {
        throw new InvalidRuntimeCodeSourceException(
            "--wasm-runtime-overrides: "
                + other.file()
                + " and "
                + file
                + " both have spec_version "
                + o.version().specVersion()
                + "; keep one runtime per spec_version");
      }
      LOG.info("Found wasm override. version={} file={}", describe(o.version()), file);
    }
    return new WasmOverrides(found);
  }

  /** The files with the extension {@code wasm}, in name order (so errors are reproducible). */
  private static List<Path> wasmFiles(Path directory) {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot >= 0 && name.substring(dot + 1).equals("wasm")) {
          files.add(entry);
        }
      }
    } catch (IOException e) {
      throw new InvalidRuntimeCodeSourceException(
          "--wasm-runtime-overrides: cannot list " + directory + ": " + e, e);
    }
    Collections.sort(files);
    return files;
  }

  private static OverrideRuntime read(Path file, RuntimeExecutor versions) {
    byte[] code;
    try {
      code = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InvalidRuntimeCodeSourceException(
          "--wasm-runtime-overrides: cannot read " + file + ": no such file", e);
    } catch (IOException e) {
      throw new InvalidRuntimeCodeSourceException(
          "--wasm-runtime-overrides: cannot read " + file + ": " + e.getMessage(), e);
    }
    try {
      RuntimeBlob blob = RuntimeBlob.parse(code);
      return new OverrideRuntime(file, blob, versions.version(blob));
    } catch (InvalidRuntimeCodeException | RuntimeTrapException e) {
      throw new InvalidRuntimeCodeSourceException(
          "--wasm-runtime-overrides: "
              + file
              + " is not a runtime whose version can be read: "
              + oneLine(e.getMessage()),
          e);
    }
  }

  /** The override for a spec version, whatever its spec name (the caller checks it). */
  public Optional<OverrideRuntime> forSpecVersion(long specVersion) {
    return Optional.ofNullable(bySpecVersion.get(specVersion));
  }

  /** Every override, by spec version. */
  public Map<Long, OverrideRuntime> all() {
    return bySpecVersion;
  }

  /** Substrate's {@code RuntimeVersion} display: {@code name-100 (impl-1.tx1.au1)}. */
  static String describe(RuntimeVersion v) {
    return v.specName()
        + "-"
        + v.specVersion()
        + " ("
        + v.implName()
        + "-"
        + v.implVersion()
        + ".tx"
        + v.transactionVersion()
        + ".au"
        + v.authoringVersion()
        + ")";
  }

  static String oneLine(String message) {
    return String.valueOf(message).strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
