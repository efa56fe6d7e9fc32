/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.testsupport.RandomCases;
import org.junit.jupiter.api.Test;

class JsonStringTest {
  @Test
  void roundTrips() {
    RandomCases.forAll(
        500,
        r -> RandomCases.string(r, 30),
        value -> assertThat(JsonString.decode(JsonString.encode(value))).isEqualTo(value));
  }

  @Test
  void encodesLikeSerdeJson() {
    assertThat(JsonString.encode("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
    assertThat(JsonString.decode(" \"\\u00e9\\/\" \n")).isEqualTo("\u00e9/");
  }

  @Test
  void rejectsNonStrings() {
    assertThatThrownBy(() -> JsonString.decode("42")).hasMessageContaining("quoted");
    assertThatThrownBy(() -> JsonString.decode("\"a\"b\"")).hasMessageContaining("unescaped quote");
    assertThatThrownBy(() -> JsonString.decode("\"\\q\"")).hasMessageContaining("bad escape");
  }
}
