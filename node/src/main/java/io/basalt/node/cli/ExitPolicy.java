/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli;

import io.basalt.chainspec.InvalidChainSpecException;
import io.basalt.node.config.ConflictingOptionsException;
import io.basalt.node.config.InvalidConfigurationException;
import io.basalt.node.failure.UserFacingException;
import io.basalt.node.fork.ForkSourceException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/**
 * The one failure policy of every command and the daemon: how a failure is told to a person and
 * which exit code it ends with (Teku's default exception handler, Substrate's texts).
 *
 * <ul>
 *   <li>An expected failure (bad input, configuration, storage that cannot be opened) is one {@code
 *       Error: …} line and exit code {@value #ERROR}.
 *   <li>A usage error (an unknown option, a bad option value, a missing parameter) is the {@code
 *       Error: …} line, then {@code For more information, try '--help'.}, and exit code {@value
 *       #USAGE}, as Substrate's command line (clap) does; no usage dump.
 *   <li>Running out of heap is one line naming the heap's maximum and how to raise it, exit code
 *       {@value #ERROR}; the database was closed on the way out.
 *   <li>Anything else is a bug: one line saying so and where its stack trace was written (a file in
 *       the temporary directory).
 * </ul>
 *
 * <p>{@code BASALT_BACKTRACE=1} (as {@code RUST_BACKTRACE}) prints each failure's stack trace on
 * stderr after its line.
 *
 * <p>No message meant for people carries a Java class name or a stack trace.
 */
public final class ExitPolicy {
  /** Exit code for an error the user can fix, and for a bug. */
  public static final int ERROR = 1;

  /** Exit code for a usage error, as clap's. */
  public static final int USAGE = 2;

  /** The environment variable that prints the stack trace of an unexpected failure on stderr. */
  public static final String BACKTRACE_ENV = "BASALT_BACKTRACE";

  /** The second line of a usage error, clap's words. */
  static final String MORE_INFORMATION = "For more information, try '--help'.";

  /** A Java class name as exception texts carry it ({@code java.io.IOException: }). */
  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)\\b(?::\\s*)?");

  private static final long MIB = 1024 * 1024;

  private ExitPolicy() {}

  /** Picocli's hook for an exception thrown by a command: see {@link #report}. */
  public static int handleExecutionException(
      Exception e, CommandLine cli, ParseResult parseResult) {
    return report(e, cli.getErr());
  }

  /** Picocli's hook for a usage error: the error line, clap's hint, exit code 2. */
  public static int handleParameterException(ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println("Error: " + usageMessage(e));
    err.println(MORE_INFORMATION);
    err.flush();
    return USAGE;
  }

  /**
   * Reports a failure on {@code err} by the policy above and returns the exit code.
   *
   * @param failure what ended the command
   * @param err where people read errors (stderr)
   */
  public static int report(Throwable failure, PrintWriter err) {
    if (failure instanceof ConflictingOptionsException conflict) {
      err.println("Error: " + conflict.getMessage());
      err.println(MORE_INFORMATION);
      err.flush();
      return USAGE;
    }
    Optional<ForkSourceException> forkSource = forkSourceCause(failure);
    if (failure instanceof OutOfMemoryError oom) {
      err.println("Error: " + outOfMemory(oom));
    } else if (forkSource.isPresent()) {
      err.println("Error: " + oneLine(forkSource.get().getMessage()));
    } else if (isUserError(failure)) {
      err.println("Error: " + oneLine(failure.getMessage()));
    } else {
      err.println("Error: " + unexpected(failure));
    }
    if (backtraceRequested()) {
      failure.printStackTrace(err);
    }
    err.flush();
    return ERROR;
  }

  /**
   * The fork source's failure behind {@code failure}, if any: it surfaces wherever the state is
   * read (a runtime call, an import), wrapped by whatever was reading.
   */
  private static Optional<ForkSourceException> forkSourceCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ForkSourceException source) {
        return Optional.of(source);
      }
    }
    return Optional.empty();
  }

  /** Whether an exception reports bad input or configuration rather than a bug. */
  public static boolean isUserError(Throwable e) {
    return e instanceof InvalidConfigurationException
        || e instanceof ConflictingOptionsException
        || e instanceof InvalidChainSpecException
        || e instanceof UserFacingException;
  }

  /**
   * A message made fit for a person: one line, without the Java class names that exception texts
   * carry ({@code java.io.IOException: Is a directory} becomes {@code Is a directory}).
   */
  static String oneLine(String message) {
    String line = String.valueOf(message).strip().replaceAll("\\s*\\R\\s*", " ");
    return CLASS_NAME.matcher(line).replaceAll("").strip();
  }

  /** The usage error's text, with a converter's own reason instead of picocli's class names. */
  static String usageMessage(ParameterException e) {
    Throwable cause = e.getCause();
    ArgSpec arg = e.getArgSpec();
    if (cause != null
        && !(cause instanceof TypeConversionException)
        && cause.getMessage() != null
        && arg != null) {
      String what =
          arg instanceof OptionSpec option
              ? "option '" + option.longestName() + "'"
              : "positional parameter " + arg.paramLabel();
      return oneLine("Invalid value for " + what + ": " + cause.getMessage());
    }
    return oneLine(e.getMessage());
  }

  /** The out-of-memory line: the heap's maximum and how to raise it. */
  static String outOfMemory(OutOfMemoryError e) {
    String kind = String.valueOf(e.getMessage());
    String what =
        kind.contains("heap") || kind.contains("GC overhead") || kind.contains("array size")
            ? "the Java heap"
            : "memory (" + kind + ")";
    return "out of "
        + what
        + ": the maximum heap is "
        + Runtime.getRuntime().maxMemory() / MIB
        + " MiB; raise it with -Xmx, e.g. JAVA_OPTS=-Xmx4g for bin/node or"
        + " JAVA_TOOL_OPTIONS=-Xmx4g for any java command";
  }

  /** The line for a bug: what happened and where its stack trace went. */
  private static String unexpected(Throwable e) {
    String what = e.getMessage() == null ? "" : ": " + oneLine(e.getMessage());
    Optional<Path> report = writeReport(e);
    String where =
        report
            .map(p -> "its stack trace is in " + p)
            .orElse("set " + BACKTRACE_ENV + "=1 to print its stack trace");
    return "internal error" + what + " (a bug in Basalt; " + where + ")";
  }

  private static boolean backtraceRequested() {
    String value = System.getenv(BACKTRACE_ENV);
    return value != null && !value.isBlank() && !value.equals("0");
  }

  /** Writes the stack trace to {@code basalt-error-<time>-<pid>.log} in the temp directory. */
  private static Optional<Path> writeReport(Throwable e) {
    try {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      String name =
          "basalt-error-"
              + LocalDateTime.now(ZoneOffset.UTC)
                  .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT))
              + "-"
              + ProcessHandle.current().pid()
              + ".log";
      Path file = Path.of(System.getProperty("java.io.tmpdir"), name);
      Files.writeString(file, trace.toString(), StandardCharsets.UTF_8);
      return Optional.of(file);
    } catch (IOException | RuntimeException writeFailed) {
      return Optional.empty();
    }
  }
}
