/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The node's keystore.
 *
 * @param path the keystore folder, if not the default {@code <base>/chains/<id>/keystore}
 * @param devAccount the dev account (e.g. {@code Alice}) whose keys are added in memory, if any
 */
public record KeystoreConfig(Optional<Path> path, Optional<String> devAccount) {}
