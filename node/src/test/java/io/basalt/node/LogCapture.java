/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/** Captures the formatted log lines of a block of code, for tests of user-facing log output. */
public final class LogCapture {
  private LogCapture() {}

  /**
   * Runs {@code action} and returns what it returned together with the lines logged meanwhile.
   *
   * @param <T> the action's result
   */
  public static <T> Captured<T> run(Supplier<T> action) {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    try {
      T result = action.get();
      return new Captured<>(
          result, appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
    } finally {
      root.detachAppender(appender);
    }
  }

  /**
   * An action's result and log lines.
   *
   * @param result what the action returned
   * @param lines the formatted messages, in order
   */
  public record Captured<T>(T result, List<String> lines) {
    public Captured {
      lines = List.copyOf(lines);
    }

    /** All lines joined with newlines. */
    public String text() {
      return String.join("\n", lines);
    }
  }
}
