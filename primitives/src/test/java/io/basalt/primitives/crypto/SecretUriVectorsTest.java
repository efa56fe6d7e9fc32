/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.suri.SecretUriException;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
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

  /** The vectors whose URI ends in {@code ///password} (possibly empty), for every scheme. */
  static Stream<JsonNode> withPassword() {
    return vectors().filter(v -> !v.has("error") && v.get("suri").asText().contains("///"));
  }

  /**
   * {@code --password} replaces a URI's {@code ///password}: the URI without it, or with another
   * one, plus the override gives the vector's key (hex seeds ignore passwords altogether).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("withPassword")
  void passwordOverrideReplacesTheUriPassword(JsonNode v) {
    String suri = v.get("suri").asText();
    int split = suri.indexOf("///");
    String bare = suri.substring(0, split);
    Optional<String> password = Optional.of(suri.substring(split + 3));
    KeyScheme scheme = KeyScheme.parse(v.get("scheme").asText());
    Bytes expected = Bytes.fromHex(v.get("publicKey").asText());
    assertThat(scheme.fromSuri(bare, password).pair().publicKey()).isEqualTo(expected);
    assertThat(scheme.fromSuri(bare + "///other", password).pair().publicKey()).isEqualTo(expected);
    // And the password is not ignored: without it the key differs (unless empty or a hex seed).
    boolean passwordMatters = !password.get().isEmpty() && !bare.startsWith("0x");
    assertThat(scheme.fromSuri(bare, Optional.empty()).pair().publicKey().equals(expected))
        .isNotEqualTo(passwordMatters);
  }

  @Test
  void everySchemeHasVectorsWithAPassword() {
    assertThat(withPassword().map(v -> v.get("scheme").asText()).distinct())
        .containsExactlyInAnyOrder("sr25519", "ed25519", "ecdsa");
  }
}
