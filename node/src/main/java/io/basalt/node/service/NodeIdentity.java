/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.service;

import io.basalt.node.config.BasePath;
import io.basalt.node.config.InvalidConfigurationException;
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
 * The node's network identity: an ed25519 key kept where Substrate keeps it, {@code
 * <base>/chains/<id>/network/secret_ed25519} (32 raw bytes, or 64 hex characters), made on first
 * start; its {@link PeerId} is what {@code system_localPeerId} answers.
 */
public final class NodeIdentity {
  private NodeIdentity() {}

  /** The peer id of the chain's node key under {@code base}, creating the key if needed. */
  public static PeerId load(BasePath base, String chainId) {
    Path file = base.chainDir(chainId).resolve("network").resolve("secret_ed25519");
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
        Files.createDirectories(file.getParent());
        Files.write(file, secret, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: the default permissions stay
        }
      }
      return PeerId.ofEd25519(Ed25519KeyPair.fromSeed(secret).publicKey());
    } catch (IOException e) {
      throw new InvalidConfigurationException(
          "cannot read or create the node key " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(
          "the node key in " + file + " is not a 32-byte ed25519 secret", e);
    }
  }
}
