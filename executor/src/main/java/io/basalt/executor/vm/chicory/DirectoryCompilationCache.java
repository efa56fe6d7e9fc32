/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.vm.chicory;

import com.dylibso.chicory.compiler.Cache;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chicory's compiled-class cache on disk: one directory per Chicory version and code hash, one file
 * per Chicory module digest. A restarted node loads the compiled classes instead of recompiling
 * (seconds saved per runtime). The list of functions left to the interpreter is kept beside the
 * classes.
 *
 * <p>The cache is an optimisation, never a source of errors: an entry is written atomically (temp
 * file + rename) behind a header carrying its length and CRC-32C, and an entry that cannot be read
 * or does not match its header is deleted with a warning and reported as a miss, so the runtime is
 * recompiled and the entry rewritten. A failed write is a warning too; the compiled runtime is used
 * anyway. Local I/O problems therefore never make valid code look invalid.
 */
final class DirectoryCompilationCache implements Cache {
  private static final Logger LOG = LoggerFactory.getLogger("executor");
  static final String CHICORY_VERSION = chicoryVersion();
  private static final String INTERPRETED_FILE = "interpreted-functions.txt";
  private static final String MODULE_PREFIX = "module-";

  /** Entry header: magic, payload length (u32 BE), CRC-32C of the payload (u32 BE). */
  private static final byte[] MAGIC = "BSLTCC01".getBytes(StandardCharsets.US_ASCII);

  private static final int HEADER_LENGTH = MAGIC.length + 8;

  private final Path directory;
  private final AtomicInteger hits = new AtomicInteger();
  private final AtomicInteger stores = new AtomicInteger();
  private final AtomicBoolean served = new AtomicBoolean();

  DirectoryCompilationCache(Path root, String codeHashHex) {
    this.directory = root.resolve("chicory-" + CHICORY_VERSION).resolve(codeHashHex);
  }

  Path directory() {
    return directory;
  }

  /** Entries served from disk. */
  int hits() {
    return hits.get();
  }

  /** Entries written to disk. */
  int stores() {
    return stores.get();
  }

  /** Whether an entry was served, so a failure to load the module may be the entry's fault. */
  boolean servedEntry() {
    return served.get();
  }

  @Override
  public byte[] get(String key) {
    Path file = directory.resolve(fileName(key));
    if (!Files.isRegularFile(file)) {
      return null;
    }
    byte[] stored;
    try {
      stored = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      discard(file, "it cannot be read: " + e);
      return null;
    }
    byte[] payload = payload(stored);
    if (payload == null) {
      discard(file, "it is damaged (length or checksum mismatch)");
      return null;
    }
    hits.incrementAndGet();
    served.set(true);
    return payload;
  }

  @Override
  public void putIfAbsent(String key, byte[] data) {
    Path target = directory.resolve(fileName(key));
    if (Files.exists(target)) {
      return;
    }
    try {
      writeAtomically(target, entry(data));
      stores.incrementAndGet();
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "cannot write the compilation cache entry {} ({}); continuing without it, the runtime"
              + " will be compiled again after a restart",
          target,
          e.toString());
    }
  }

  /** Whether the cache holds at least one compiled-module entry of this runtime. */
  boolean hasModules() {
    if (!Files.isDirectory(directory)) {
      return false;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, MODULE_PREFIX + "*")) {
      return files.iterator().hasNext();
    } catch (IOException e) {
      return false;
    }
  }

  /** Deletes every module entry of this runtime (Chicory could not load what was served). */
  void discardModules(String reason) {
    served.set(false);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, MODULE_PREFIX + "*")) {
      for (Path file : files) {
        discard(file, reason);
      }
    } catch (IOException e) {
      LOG.warn("cannot list the compilation cache directory {}: {}", directory, e.toString());
    }
  }

  /**
   * Functions the compiler left to the interpreter when the entry was made. If the file is
   * unreadable or names functions the module does not have, it is deleted together with the module
   * entries (whose interpreted functions are then unknown) and the result is empty.
   */
  Set<Integer> readInterpretedFunctions(int functionCount) {
    Path file = directory.resolve(INTERPRETED_FILE);
    TreeSet<Integer> out = new TreeSet<>();
    if (!Files.exists(file)) {
      return out;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          int index = Integer.parseInt(line.trim());
          if (index < 0 || index >= functionCount) {
            throw new NumberFormatException("no function " + index);
          }
          out.add(index);
        }
      }
      return out;
    } catch (IOException | NumberFormatException e) {
      discard(file, "it is unreadable: " + e);
      discardModules("the list of interpreted functions was lost");
      return new TreeSet<>();
    }
  }

  /** Records the interpreted functions; a failure is a warning (only reporting depends on it). */
  void writeInterpretedFunctions(Iterable<Integer> functions) {
    StringBuilder sb = new StringBuilder();
    functions.forEach(f -> sb.append(f).append('\n'));
    Path target = directory.resolve(INTERPRETED_FILE);
    try {
      writeAtomically(target, sb.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot write the compilation cache file {}: {}", target, e.toString());
    }
  }

  private static byte[] entry(byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(payload);
    return ByteBuffer.allocate(HEADER_LENGTH + payload.length)
        .put(MAGIC)
        .putInt(payload.length)
        .putInt((int) crc.getValue())
        .put(payload)
        .array();
  }

  /** The payload of a stored entry, or null if the header does not match the contents. */
  private static byte[] payload(byte[] stored) {
    if (stored.length < HEADER_LENGTH
        || !Arrays.equals(stored, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      return null;
    }
    ByteBuffer header = ByteBuffer.wrap(stored, MAGIC.length, 8);
    int length = header.getInt();
    int checksum = header.getInt();
    if (length != stored.length - HEADER_LENGTH) {
      return null;
    }
    CRC32C crc = new CRC32C();
    crc.update(stored, HEADER_LENGTH, length);
    return (int) crc.getValue() == checksum
        ? Arrays.copyOfRange(stored, HEADER_LENGTH, stored.length)
        : null;
  }

  private static void discard(Path file, String reason) {
    LOG.warn(
        "deleting the compilation cache entry {}: {}; the runtime is recompiled", file, reason);
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("cannot delete the compilation cache entry {}: {}", file, e.toString());
    }
  }

  private void writeAtomically(Path target, byte[] data) throws IOException {
    Files.createDirectories(directory);
    Path tmp = Files.createTempFile(directory, ".tmp-", ".part");
    try {
      Files.write(tmp, data);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static String fileName(String key) {
    StringBuilder sb = new StringBuilder(MODULE_PREFIX);
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      sb.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' ? c : '_');
    }
    return sb.append(".bin").toString();
  }

  private static String chicoryVersion() {
    try (InputStream in =
        DirectoryCompilationCache.class.getResourceAsStream(
            "/META-INF/maven/com.dylibso.chicory/compiler/pom.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
