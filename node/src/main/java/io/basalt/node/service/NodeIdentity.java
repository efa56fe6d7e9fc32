/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.service;

import io.basalt.node.config.BasePath;
import io.basalt.node.config.InvalidConfigurationException;
import io.basalt.node.config.NetworkConfig.NodeKey;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.crypto.PeerId;
import io.basalt.primitives.crypto.ed25519.Ed25519KeyPair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The node's network identity: an ed25519 key from {@code --node-key}, from {@code
 * --node-key-file}, or kept where Substrate keeps it, {@code
 * <base>/chains/<id>/network/secret_ed25519} (32 raw bytes, or 64 hex characters), made on first
 * start. Its {@link PeerId} is what {@code system_localPeerId} answers.
 *
 * @param key the ed25519 key pair
 * @param peerId the peer id derived from it
 */
public record NodeIdentity(Ed25519KeyPair key, PeerId peerId) {
  /** The identity of {@code seed}. */
  public static NodeIdentity of(byte[] seed) {
    Ed25519KeyPair key = Ed25519KeyPair.fromSeed(seed);
    return new NodeIdentity(key, PeerId.ofEd25519(key.publicKey()));
  }

  /** The identity of the default key file under {@code base}, creating the key if needed. */
  public static NodeIdentity load(BasePath base, String chainId) {
    return load(new NodeKey.Default(), base, chainId);
  }

  /** The identity {@code source} names, creating a key file if it names a missing one. */
  public static NodeIdentity load(NodeKey source, BasePath base, String chainId) {
    return switch (source) {
      case NodeKey.Secret secret -> of(secret.seed().toArray());
      case NodeKey.File file -> of(readOrCreate(file.path()));
      case NodeKey.Default ignored ->
          of(readOrCreate(base.chainDir(chainId).resolve("network").resolve("secret_ed25519")));
    };
  }

  private static byte[] readOrCreate(Path file) {
    try {
      byte[] secret;
      if (Files.exists(file)) {
        byte[] stored = Files.readAllBytes(file);
        secret =
            stored.length == 32
                ? stored
                : Hex.decode(new String(stored, StandardCharsets.US_ASCII).strip());
        if (secret.length != 32) {
          throw new InvalidConfigurationException(
              "the node key in " + file + " is not a 32-byte ed25519 secret");
        }
      } else {
        secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.write(file, secret, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: the default permissions stay
        }
      }
      return secret;
    } catch (IOException e) {
      throw new InvalidConfigurationException(
          "cannot read or create the node key " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(
          "the node key in " + file + " is not a 32-byte ed25519 secret", e);
    }
  }
}
