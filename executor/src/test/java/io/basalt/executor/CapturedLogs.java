/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The lines one logger writes while a test runs, as {@code "LEVEL message"}, instead of printing
 * them; the logger's level is set to {@code level} meanwhile and restored on close.
 *
 * <pre>{@code
 * try (CapturedLogs logs = CapturedLogs.of("runtime", Level.DEBUG)) {
 *   executor.call(...);
 *   assertThat(logs.lines()).contains("DEBUG 42");
 * }
 * }</pre>
 */
public final class CapturedLogs implements AutoCloseable {
  private final Logger logger;
  private final Level previous;
  private final boolean additive;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private CapturedLogs(Logger logger, Level level) {
    this.logger = logger;
    this.previous = logger.getLevel();
    this.additive = logger.isAdditive();
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(level);
    logger.setAdditive(false); // captured, not printed
  }

  /** Starts capturing {@code loggerName} at {@code level} and above. */
  public static CapturedLogs of(String loggerName, Level level) {
    return new CapturedLogs((Logger) LoggerFactory.getLogger(loggerName), level);
  }

  /** The captured lines so far, in order. */
  public List<String> lines() {
    synchronized (appender) {
      return appender.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    logger.setLevel(previous);
    logger.setAdditive(additive);
  }
}
