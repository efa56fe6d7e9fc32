/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.log;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Collects the lines runtimes log ({@code ext_logging_log}, target {@code runtime}) while it is
 * open, at the levels the {@code runtime} logger lets through, from every thread (runtime calls run
 * on the executor's own threads): open it around the calls whose lines are wanted while nothing
 * else runs the runtime. The lines still go to the node's log as well.
 *
 * <pre>{@code
 * try (RuntimeLogCapture capture = RuntimeLogCapture.start()) {
 *   ... // run the runtime
 *   capture.lines();
 * }
 * }</pre>
 */
public final class RuntimeLogCapture implements AutoCloseable {
  private final Logger logger;
  private final Collector collector;

  private RuntimeLogCapture(Logger logger, Collector collector) {
    this.logger = logger;
    this.collector = collector;
  }

  /** Starts collecting runtime log lines. */
  public static RuntimeLogCapture start() {
    Logger logger = (Logger) LoggerFactory.getLogger("runtime");
    Collector collector = new Collector();
    collector.setContext(logger.getLoggerContext());
    collector.start();
    logger.addAppender(collector);
    return new RuntimeLogCapture(logger, collector);
  }

  /** The lines so far: {@code LEVEL [target] message}. */
  public List<String> lines() {
    synchronized (collector.lines) {
      return List.copyOf(collector.lines);
    }
  }

  @Override
  public void close() {
    logger.detachAppender(collector);
    collector.stop();
  }

  private static final class Collector extends AppenderBase<ILoggingEvent> {
    private final List<String> lines = new ArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
      synchronized (lines) {
        lines.add(event.getLevel() + " " + event.getFormattedMessage());
      }
    }
  }
}
