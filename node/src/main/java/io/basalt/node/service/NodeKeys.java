/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.service;

import io.basalt.node.config.BasePath;
import io.basalt.node.config.KeystoreConfig;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.crypto.keystore.DevKeys;
import io.basalt.primitives.crypto.keystore.FileKeystore;
import io.basalt.primitives.crypto.keystore.KeyTypeId;
import io.basalt.primitives.crypto.keystore.Keystore;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the node's keystore (Substrate's file layout) and adds the chosen dev account's keys.
 *
 * <p>Dev keys go in for the session key types of Substrate's dev chains (BABE, Aura, GRANDPA,
 * ImOnline, authority discovery, parachain validator and assignment, BEEFY) with their schemes;
 * like Substrate's, they are kept in memory and never written to the keystore folder. Key files the
 * keystore cannot use are logged as warnings (target {@code keystore}) and skipped.
 */
public final class NodeKeys {
  /** The key types and schemes a dev account gets. */
  public static final List<DevKeys.KeySpec> DEV_KEY_SPECS =
      List.of(
          new DevKeys.KeySpec(KeyTypeId.BABE, KeyScheme.SR25519),
          new DevKeys.KeySpec(KeyTypeId.AURA, KeyScheme.SR25519),
          new DevKeys.KeySpec(KeyTypeId.GRANDPA, KeyScheme.ED25519),
          new DevKeys.KeySpec(KeyTypeId.IM_ONLINE, KeyScheme.SR25519),
          new DevKeys.KeySpec(KeyTypeId.AUTHORITY_DISCOVERY, KeyScheme.SR25519),
          new DevKeys.KeySpec(KeyTypeId.of("para"), KeyScheme.SR25519),
          new DevKeys.KeySpec(KeyTypeId.of("asgn"), KeyScheme.SR25519),
          new DevKeys.KeySpec(KeyTypeId.BEEFY, KeyScheme.ECDSA));

  private static final Logger LOG = LoggerFactory.getLogger("keystore");

  private NodeKeys() {}

  /** The keystore of a chain, with the configured dev account's keys added. */
  public static Keystore open(KeystoreConfig config, BasePath basePath, String chainId) {
    Keystore keystore =
        new FileKeystore(
            config.path().orElseGet(() -> basePath.keystoreDir(chainId)),
            Optional.empty(),
            LOG::warn);
    config.devAccount().ifPresent(name -> DevKeys.insert(keystore, name, DEV_KEY_SPECS));
    return keystore;
  }
}
