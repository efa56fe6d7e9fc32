/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.keystore;

import java.util.Optional;

class InMemoryKeystoreTest extends KeystoreContractTest {
  @Override
  Keystore keystore(Optional<String> password) {
    return new InMemoryKeystore(password);
  }
}
