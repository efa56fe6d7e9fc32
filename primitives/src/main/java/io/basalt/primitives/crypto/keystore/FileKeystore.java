/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.keystore;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.json.JsonString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A key store in Substrate's on-disk layout, usually {@code <base>/chains/<chain id>/keystore}: one
 * file per key, named hex(key type) followed by hex(public key) (lower case, no {@code 0x}),
 * holding the secret URI as a JSON string, readable by the owner only. A Substrate node and Basalt
 * can share a key store directory.
 *
 * <p>A key file that cannot be read or does not hold a JSON string is not a key: it is left out of
 * the listing and signs nothing, and the warnings sink hears about it once (a host function must
 * never fail because of one bad file, and Substrate's key store skips it too).
 *
 * @see #directory(Path, String)
 */
public final class FileKeystore extends SecretUriKeystore {
  private final Path dir;
  private final Consumer<String> warnings;
  private final Set<Path> reported = ConcurrentHashMap.newKeySet();

  /** Opens (creating if needed) a key store directory whose URIs need no password. */
  public FileKeystore(Path dir) {
    this(dir, Optional.empty());
  }

  /**
   * Opens (creating if needed) a key store directory; unusable key files are skipped silently.
   *
   * @param password the password applied to every stored URI ({@code --password})
   * @throws UncheckedIOException if the directory cannot be created
   */
  public FileKeystore(Path dir, Optional<String> password) {
    this(dir, password, warning -> {});
  }

  /**
   * Opens (creating if needed) a key store directory.
   *
   * @param password the password applied to every stored URI ({@code --password})
   * @param warnings receives one line per unusable key file, once per file (names the file and the
   *     problem, never its content)
   * @throws UncheckedIOException if the directory cannot be created
   */
  public FileKeystore(Path dir, Optional<String> password, Consumer<String> warnings) {
    super(password);
    this.dir = dir;
    this.warnings = warnings;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create keystore directory " + dir, e);
    }
  }

  /** {@code <base>/chains/<chainId>/keystore}, Substrate's default location. */
  public static Path directory(Path basePath, String chainId) {
    return basePath.resolve("chains").resolve(chainId).resolve("keystore");
  }

  public Path dir() {
    return dir;
  }

  @Override
  void store(KeyTypeId keyType, Bytes publicKey, String suri) {
    Path file = dir.resolve(fileName(keyType, publicKey));
    try {
      Path tmp = Files.createTempFile(dir, ".key", ".tmp");
      try {
        restrictToOwner(tmp);
        Files.writeString(tmp, JsonString.encode(suri), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write key file " + file, e);
    }
  }

  @Override
  Optional<String> load(KeyTypeId keyType, Bytes publicKey) {
    Path file = dir.resolve(fileName(keyType, publicKey));
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (CharacterCodingException e) {
      return unusable(file, "is not UTF-8 text");
    } catch (IOException e) {
      return unusable(file, "cannot be read (" + e.getMessage() + ")");
    }
    try {
      return Optional.of(JsonString.decode(content));
    } catch (IllegalArgumentException e) {
      return unusable(file, "does not hold a JSON string (" + e.getMessage() + ")");
    }
  }

  private Optional<String> unusable(Path file, String problem) {
    if (reported.add(file)) {
      warnings.accept("key file " + file + " " + problem + ": it is not used as a key");
    }
    return Optional.empty();
  }

  @Override
  List<Bytes> list(KeyTypeId keyType) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .sorted()
          .map(name -> publicKeyOf(keyType, name))
          .flatMap(Optional::stream)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list keystore directory " + dir, e);
    }
  }

  static String fileName(KeyTypeId keyType, Bytes publicKey) {
    return keyType.toHex() + Hex.encodeBare(publicKey.unsafeArray());
  }

  /** The public key in a key file name of the given type, if the name is one. */
  static Optional<Bytes> publicKeyOf(KeyTypeId keyType, String fileName) {
    String prefix = keyType.toHex();
    if (!fileName.startsWith(prefix) || fileName.length() == prefix.length()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Bytes.fromHex(fileName.substring(prefix.length())));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows): the directory's ACL applies.
    }
  }

  @Override
  public String toString() {
    return "FileKeystore(" + dir + ")";
  }
}
