/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Meters in the Prometheus text format 0.0.4, written as Substrate's exporter (Rust's {@code
 * prometheus} crate) writes them: families sorted by name, each meter's name exactly as registered
 * (no {@code _total} or {@code _seconds} added, no {@code _max} family beside a histogram),
 * integral values without a fraction ({@code 5}, {@code le="1"}).
 *
 * <p>Micrometer's own Prometheus writer appends {@code _total} to every counter, which would rename
 * Substrate's counters that have no such suffix ({@code substrate_proposer_end_proposal_reason}).
 * Gauges become {@code gauge}, counters {@code counter}, timers {@code histogram} in seconds.
 */
final class PrometheusText {
  /** The Content-Type Substrate's exporter answers with. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4";

  private PrometheusText() {}

  /** The exposition of {@code meters}. */
  static String render(Collection<Meter> meters) {
    Map<String, List<Meter>> families = new TreeMap<>();
    for (Meter meter : meters) {
      families.computeIfAbsent(meter.getId().getName(), n -> new ArrayList<>()).add(meter);
    }
    StringBuilder out = new StringBuilder();
    families.forEach((name, family) -> writeFamily(out, name, family));
    return out.toString();
  }

  private static void writeFamily(StringBuilder out, String name, List<Meter> family) {
    Meter first = family.get(0);
    out.append("# HELP ")
        .append(name)
        .append(' ')
        .append(escapeHelp(String.valueOf(first.getId().getDescription())))
        .append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type(first)).append('\n');
    List<Meter> sorted = new ArrayList<>(family);
    sorted.sort(Comparator.comparing(PrometheusText::labels));
    for (Meter meter : sorted) {
      switch (meter) {
        case Gauge gauge -> sample(out, name, labels(gauge), number(gauge.value()));
        case Counter counter -> sample(out, name, labels(counter), number(counter.count()));
        case FunctionCounter counter -> sample(out, name, labels(counter), number(counter.count()));
        case Timer timer -> writeHistogram(out, name, timer);
        default -> throw new IllegalStateException("no Prometheus form for meter " + name);
      }
    }
  }

  private static String type(Meter meter) {
    return switch (meter) {
      case Gauge g -> "gauge";
      case Counter c -> "counter";
      case FunctionCounter c -> "counter";
      case Timer t -> "histogram";
      default -> throw new IllegalStateException("no Prometheus form for meter " + meter.getId());
    };
  }

  private static void writeHistogram(StringBuilder out, String name, Timer timer) {
    HistogramSnapshot snapshot = timer.takeSnapshot();
    for (CountAtBucket bucket : snapshot.histogramCounts()) {
      String le = number(bucket.bucket(TimeUnit.SECONDS));
      sample(
          out, name + "_bucket", labels(timer, List.of(Tag.of("le", le))), number(bucket.count()));
    }
    sample(
        out,
        name + "_bucket",
        labels(timer, List.of(Tag.of("le", "+Inf"))),
        Long.toString(snapshot.count()));
    sample(out, name + "_sum", labels(timer), number(snapshot.total(TimeUnit.SECONDS)));
    sample(out, name + "_count", labels(timer), Long.toString(snapshot.count()));
  }

  private static void sample(StringBuilder out, String name, String labels, String value) {
    out.append(name).append(labels).append(' ').append(value).append('\n');
  }

  /** {@code {a="1",b="2"}} from the meter's tags, sorted by key; empty without tags. */
  private static String labels(Meter meter) {
    return labels(meter, List.of());
  }

  /** The meter's labels followed by {@code extra}. */
  private static String labels(Meter meter, List<Tag> extra) {
    List<Tag> tags = new ArrayList<>(meter.getId().getTags());
    tags.addAll(extra);
    if (tags.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("{");
    for (Tag tag : tags) {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append(tag.getKey()).append("=\"").append(escapeLabel(tag.getValue())).append('"');
    }
    return out.append('}').toString();
  }

  /** A sample value as Rust prints an {@code f64}: shortest form, never an exponent. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == 0) {
      return "0";
    }
    return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }

  private static String escapeHelp(String help) {
    return help.replace("\\", "\\\\").replace("\n", "\\n");
  }

  private static String escapeLabel(String value) {
    return escapeHelp(value).replace("\"", "\\\"");
  }
}
