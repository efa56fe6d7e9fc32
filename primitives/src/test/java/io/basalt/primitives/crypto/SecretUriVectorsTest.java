/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.primitives.crypto.suri.SecretUriException;
import io.basalt.primitives.types.Bytes;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dev-phrase paths, mnemonics with and without password, hex seeds, hard and soft junctions, for
 * all three schemes, against @polkadot/util-crypto cross-checked with Rust schnorrkel (wasm) and
 * noble.
 */
class SecretUriVectorsTest {
  static Stream<JsonNode> vectors() {
    return CryptoVectors.list("suris.json", "vectors").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void secretUriGivesTheSameKeyAsPolkadotJs(JsonNode v) {
    KeyScheme scheme = KeyScheme.parse(v.get("scheme").asText());
    String suri = v.get("suri").asText();
    if (v.has("error")) {
      assertThatThrownBy(() -> scheme.fromSuri(suri, Optional.empty()))
          .isInstanceOf(SecretUriException.class)
          .hasMessageContaining("only hard");
      return;
    }
    DerivedKeyPair derived = scheme.fromSuri(suri, Optional.empty());
    assertThat(derived.pair().publicKey()).isEqualTo(Bytes.fromHex(v.get("publicKey").asText()));
    if (v.has("seed")) {
      assertThat(derived.seed()).contains(Bytes.fromHex(v.get("seed").asText()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void passwordOverrideReplacesTheUriPassword(JsonNode v) {
    String suri = v.get("suri").asText();
    if (v.has("error") || !suri.endsWith("///password")) {
      return;
    }
    KeyScheme scheme = KeyScheme.parse(v.get("scheme").asText());
    String bare = suri.substring(0, suri.length() - "///password".length());
    assertThat(scheme.fromSuri(bare, Optional.of("password")).pair().publicKey())
        .isEqualTo(Bytes.fromHex(v.get("publicKey").asText()));
    assertThat(scheme.fromSuri(bare + "///other", Optional.of("password")).pair().publicKey())
        .isEqualTo(Bytes.fromHex(v.get("publicKey").asText()));
  }
}
