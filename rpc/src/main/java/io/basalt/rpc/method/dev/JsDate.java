/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.dev;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The date strings JavaScript's {@code Date.parse} reads that scripts pass to {@code
 * dev_timeTravel}: ISO 8601 (a date alone is UTC, a date-time without offset is local time, as in
 * ECMAScript), RFC 1123 ({@code Date.toUTCString}), and V8's month-name forms such as {@code "Jan
 * 1, 2023"} or {@code "January 1, 2023 10:00"} and {@code "2023/01/01"} (local time).
 */
final class JsDate {
  private static final List<DateTimeFormatter> LOCAL_DATE_TIMES =
      List.of(
          pattern("MMM d, uuuu[ HH:mm[:ss]]"),
          pattern("MMMM d, uuuu[ HH:mm[:ss]]"),
          pattern("d MMM uuuu[ HH:mm[:ss]]"),
          pattern("d MMMM uuuu[ HH:mm[:ss]]"),
          pattern("uuuu/M/d[ HH:mm[:ss]]"));

  private JsDate() {}

  /** Milliseconds since the epoch, or empty where {@code Date.parse} gives NaN. */
  static OptionalLong parse(String text, ZoneId local) {
    String s = text.strip();
    try {
      if (s.length() == 10 && s.charAt(4) == '-') {
        return millis(LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant());
      }
      if (s.length() > 10 && s.charAt(4) == '-' && s.charAt(10) == 'T') {
        try {
          return millis(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException e) {
          return millis(LocalDateTime.parse(s).atZone(local).toInstant());
        }
      }
      try {
        return millis(ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      } catch (DateTimeParseException e) {
        // one of the local forms below
      }
      for (DateTimeFormatter f : LOCAL_DATE_TIMES) {
        try {
          return millis(LocalDateTime.parse(s, f).atZone(local).toInstant());
        } catch (DateTimeParseException e) {
          // try the next form
        }
      }
      return OptionalLong.empty();
    } catch (DateTimeException | ArithmeticException e) {
      return OptionalLong.empty();
    }
  }

  private static OptionalLong millis(Instant instant) {
    return OptionalLong.of(instant.toEpochMilli());
  }

  private static DateTimeFormatter pattern(String pattern) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(pattern)
        .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
        .toFormatter(Locale.ENGLISH);
  }
}
