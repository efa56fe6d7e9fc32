/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Date strings read as V8's {@code Date.parse} reads them (answers taken from Node.js with {@code
 * TZ=Asia/Tokyo}, UTC+9).
 */
class JsDateTest {
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  private static OptionalLong parse(String text) {
    return JsDate.parse(text, TOKYO);
  }

  @Test
  void isoDatesAreUtcAndIsoDateTimesWithoutOffsetAreLocal() {
    assertThat(parse("2023-01-01")).hasValue(1_672_531_200_000L);
    assertThat(parse("2023-01-01T00:00:00Z")).hasValue(1_672_531_200_000L);
    assertThat(parse("2023-01-01T09:00:00+09:00")).hasValue(1_672_531_200_000L);
    assertThat(parse("2023-01-01T09:00:00.000+09:00")).hasValue(1_672_531_200_000L);
    assertThat(parse("2023-01-01T09:00")).hasValue(1_672_531_200_000L);
  }

  @Test
  void monthNameAndSlashFormsAreLocalTime() {
    assertThat(parse("Jan 1, 2023")).hasValue(1_672_498_800_000L);
    assertThat(parse("January 1, 2023 09:00")).hasValue(1_672_531_200_000L);
    assertThat(parse("1 Jan 2023")).hasValue(1_672_498_800_000L);
    assertThat(parse("2023/01/01")).hasValue(1_672_498_800_000L);
    assertThat(parse("Sun, 01 Jan 2023 00:00:00 GMT")).hasValue(1_672_531_200_000L);
  }

  @Test
  void anythingElseIsNotADate() {
    assertThat(parse("next tuesday")).isEmpty();
    assertThat(parse("2023-13-01")).isEmpty();
    assertThat(parse("")).isEmpty();
  }
}
