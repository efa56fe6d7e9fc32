/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RandomCasesTest {
  @Test
  void runsEveryCaseWithTheSameSeedEachTime() {
    List<Long> first = new ArrayList<>();
    List<Long> second = new ArrayList<>();
    RandomCases.forAll(50, r -> r.nextLong(), first::add);
    RandomCases.forAll(50, r -> r.nextLong(), second::add);
    assertThat(first).hasSize(50).isEqualTo(second).doesNotHaveDuplicates();
  }

  @Test
  void aFailingCaseNamesTheSeedTheCaseAndTheValue() {
    assertThatThrownBy(
            () ->
                RandomCases.forAll(
                    100, r -> r.nextInt(10), v -> assertThat(v).as("small").isLessThan(5)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("(seed " + RandomCases.seed() + ")")
        .hasMessageMatching("(?s)case #\\d+ of 100 .* failed for [5-9]: .*");
  }

  @Test
  void generatedStringsAreWellFormedUnicode() {
    RandomCases.forAll(
        200,
        r -> RandomCases.string(r, 30),
        s ->
            assertThat(s.chars().noneMatch(c -> Character.isSurrogate((char) c) && !paired(s)))
                .isTrue());
  }

  private static boolean paired(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  @Test
  void bytesStayWithinTheRequestedLengths() {
    RandomCases.forAll(
        200, r -> RandomCases.bytes(r, 3, 7), b -> assertThat(b.length).isBetween(3, 7));
  }
}
