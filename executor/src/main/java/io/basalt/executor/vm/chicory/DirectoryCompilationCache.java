/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.vm.chicory;

import com.dylibso.chicory.compiler.Cache;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chicory's compiled-class cache on disk: one directory per Chicory version and code hash, one file
 * per Chicory module digest, written atomically (temp file + rename) so a crash never leaves a torn
 * entry. A restarted node loads the compiled classes instead of recompiling (seconds saved per
 * runtime). The list of functions left to the interpreter is kept beside the classes.
 */
final class DirectoryCompilationCache implements Cache {
  static final String CHICORY_VERSION = chicoryVersion();
  private static final String INTERPRETED_FILE = "interpreted-functions.txt";

  private final Path directory;
  private final AtomicInteger hits = new AtomicInteger();
  private final AtomicInteger stores = new AtomicInteger();

  DirectoryCompilationCache(Path root, String codeHashHex) {
    this.directory = root.resolve("chicory-" + CHICORY_VERSION).resolve(codeHashHex);
  }

  Path directory() {
    return directory;
  }

  int hits() {
    return hits.get();
  }

  int stores() {
    return stores.get();
  }

  @Override
  public byte[] get(String key) throws IOException {
    try {
      byte[] data = Files.readAllBytes(directory.resolve(fileName(key)));
      hits.incrementAndGet();
      return data;
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  @Override
  public void putIfAbsent(String key, byte[] data) throws IOException {
    Path target = directory.resolve(fileName(key));
    if (Files.exists(target)) {
      return;
    }
    writeAtomically(target, data);
    stores.incrementAndGet();
  }

  /** Functions the compiler left to the interpreter when the entry was made. */
  List<Integer> readInterpretedFunctions() throws IOException {
    Path file = directory.resolve(INTERPRETED_FILE);
    if (!Files.exists(file)) {
      return List.of();
    }
    List<Integer> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        out.add(Integer.parseInt(line.trim()));
      }
    }
    return out;
  }

  void writeInterpretedFunctions(List<Integer> functions) throws IOException {
    StringBuilder sb = new StringBuilder();
    functions.forEach(f -> sb.append(f).append('\n'));
    writeAtomically(
        directory.resolve(INTERPRETED_FILE), sb.toString().getBytes(StandardCharsets.UTF_8));
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
    StringBuilder sb = new StringBuilder("module-");
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
