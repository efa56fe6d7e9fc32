/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import io.basalt.node.config.InvalidConfigurationException;
import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Logging in Substrate's shape: to stderr, {@code 2024-01-31 12:00:00 message} for INFO and {@code
 * 2024-01-31 12:00:00 WARN target: message} otherwise, levels set per target with {@code -l}.
 *
 * <p>Installed programmatically through Logback's {@link Configurator} service (faster to start
 * than parsing XML).
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    PatternLayout.DEFAULT_CONVERTER_SUPPLIER_MAP.put("substrateLevel", LevelAndTarget::new);
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss} %substrateLevel%msg%n");
    encoder.start();
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName("stderr");
    appender.setTarget("System.err");
    appender.setEncoder(encoder);
    appender.start();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(appender);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /**
   * Applies {@code -l} directives: a bare level sets the default, {@code target=level} one target.
   *
   * @throws InvalidConfigurationException for a directive {@link #check} refuses
   */
  public static void apply(List<String> directives) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    for (String directive : directives) {
      String d = directive.trim();
      if (d.isEmpty()) {
        continue;
      }
      int eq = d.indexOf('=');
      String target = eq < 0 ? org.slf4j.Logger.ROOT_LOGGER_NAME : d.substring(0, eq).trim();
      context.getLogger(target).setLevel(level(d, eq));
    }
  }

  /**
   * Checks one {@code -l} directive as Substrate's logger reads it: {@code level} or {@code
   * target=level}, the level one of error, warn, info, debug, trace or off (any case).
   *
   * @throws InvalidConfigurationException naming the unknown level or the missing target
   */
  public static void check(String directive) {
    String d = directive.trim();
    int eq = d.indexOf('=');
    if (eq == 0) {
      throw new InvalidConfigurationException(
          "log directive \"" + directive + "\" has no target before '='");
    }
    if (!d.isEmpty()) {
      level(d, eq);
    }
  }

  private static Level level(String directive, int eq) {
    String name = (eq < 0 ? directive : directive.substring(eq + 1)).trim();
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "off" -> Level.OFF;
      case "error" -> Level.ERROR;
      case "warn" -> Level.WARN;
      case "info" -> Level.INFO;
      case "debug" -> Level.DEBUG;
      case "trace" -> Level.TRACE;
      default ->
          throw new InvalidConfigurationException(
              "unknown log level \""
                  + name
                  + "\" in \""
                  + directive
                  + "\": expected error, warn, info, debug, trace or off"
                  + (eq < 0 ? " (or target=level)" : ""));
    };
  }

  /** Prints nothing for INFO and {@code LEVEL target: } otherwise. */
  public static final class LevelAndTarget extends ClassicConverter {
    @Override
    public String convert(ILoggingEvent event) {
      if (event.getLevel() == Level.INFO) {
        return "";
      }
      String logger = event.getLoggerName();
      int dot = logger.lastIndexOf('.');
      return event.getLevel() + " " + (dot < 0 ? logger : logger.substring(dot + 1)) + ": ";
    }
  }
}
