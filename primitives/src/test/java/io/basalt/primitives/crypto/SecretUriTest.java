/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.primitives.crypto.suri.DeriveJunction;
import io.basalt.primitives.crypto.suri.SecretUri;
import io.basalt.primitives.crypto.suri.SecretUriException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The grammar cases of sp-core's AddressUri tests and sc-cli's behaviour. */
class SecretUriTest {
  private static List<DeriveJunction> path(String... elements) {
    return java.util.Arrays.stream(elements).map(DeriveJunction::parse).toList();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "///|<dev>|||",
        "////////|<dev>||/////|",
        "sdasd///asda|sdasd||asda",
        "sdasd//asda|sdasd|/asda|",
        "sdasd/xx//asda|sdasd|xx,/asda|",
        "sdasd/xx//a/b//c///pass|sdasd|xx,/a,b,/c|pass",
        "sdasd/asd.a|sdasd|asd.a|",
        "sdasd//asd.a|sdasd|/asd.a|",
        "hello world//1/DOT///password|hello world|/1,DOT|password",
      })
  void parsesLikeSubstrate(String uri, String phrase, String paths, String password) {
    SecretUri parsed = SecretUri.parse(uri);
    assertThat(parsed.phrase()).isEqualTo(phrase.equals("<dev>") ? SecretUri.DEV_PHRASE : phrase);
    assertThat(parsed.junctions()).isEqualTo(paths == null ? List.of() : path(paths.split(",")));
    assertThat(parsed.password())
        .isEqualTo(
            uri.contains("///") ? Optional.of(password == null ? "" : password) : Optional.empty());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sdasd//",
        "sdasd/xx//",
        "sdasd/",
        "sd.asd",
        "sd.asd/asd.a",
        "sd.asd//asd.a",
        "///\n",
        "///a\n",
        "sd.asd///asd.a\n"
      })
  void rejectsWhatSubstrateRejects(String uri) {
    assertThatThrownBy(() -> SecretUri.parse(uri))
        .isInstanceOf(SecretUriException.class)
        .hasMessageStartingWith("invalid secret URI");
  }

  @Test
  void numericJunctionsAreU64sAndLargerNumbersAreStrings() {
    assertThat(DeriveJunction.parse("1").chainCode().toHex())
        .isEqualTo("0x0100000000000000000000000000000000000000000000000000000000000000");
    assertThat(DeriveJunction.parse("01")).isEqualTo(DeriveJunction.parse("1"));
    // "Alice" as a SCALE string: compact length 5 (0x14) then the bytes.
    assertThat(DeriveJunction.parse("/Alice").chainCode().toHex())
        .isEqualTo("0x14416c6963650000000000000000000000000000000000000000000000000000");
    assertThat(DeriveJunction.parse("/Alice").hard()).isTrue();
    // Above u64::MAX, sp-core's `str::parse::<u64>` fails and the junction is a SCALE string
    // (compact length 20 = 0x50, then the digits); polkadot-js differs here.
    assertThat(DeriveJunction.parse("18446744073709551616").chainCode().toHex())
        .isEqualTo("0x5031383434363734343037333730393535313631360000000000000000000000");
  }

  @Test
  void secretsNeverAppearInToString() {
    SecretUri uri = SecretUri.parse("//Alice///hunter2");
    assertThat(uri.toString()).doesNotContain("hunter2").doesNotContain("bottom");
    DerivedKeyPair pair = KeyScheme.ED25519.fromSuri("//Alice", Optional.empty());
    assertThat(pair.toString())
        .doesNotContain(pair.seed().orElseThrow().toHex().substring(2))
        .contains("<redacted>");
  }

  @Test
  void malformedSeedsAndPhrasesGiveClearErrors() {
    for (KeyScheme scheme : KeyScheme.values()) {
      assertThatThrownBy(() -> scheme.fromSuri("0x1234", Optional.empty()))
          .isInstanceOf(SecretUriException.class)
          .hasMessage(
              "invalid seed length: an " + scheme.schemeName() + " seed is 32 bytes, got 2");
    }
    assertThatThrownBy(() -> KeyScheme.SR25519.fromSuri("0x123", Optional.empty()))
        .hasMessageContaining("not valid hex");
    assertThatThrownBy(() -> KeyScheme.SR25519.fromSuri("bottom drive obey lake", Optional.empty()))
        .hasMessageContaining("invalid phrase")
        .hasMessageContaining("has 4");
    assertThatThrownBy(() -> KeyScheme.ECDSA.fromSuri("0x" + "ff".repeat(32), Optional.empty()))
        .hasMessageContaining("invalid seed");
  }
}
