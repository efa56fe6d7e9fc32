/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.NamingConvention;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  private static PrometheusMeterRegistry registry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().namingConvention(NamingConvention.identity);
    return registry;
  }

  @Test
  void numbersArePrintedAsRustPrintsAnF64() {
    assertThat(PrometheusText.number(5.0)).isEqualTo("5");
    assertThat(PrometheusText.number(0)).isEqualTo("0");
    assertThat(PrometheusText.number(0.005)).isEqualTo("0.005");
    assertThat(PrometheusText.number(2.5)).isEqualTo("2.5");
    assertThat(PrometheusText.number(1_767_323_045.0)).isEqualTo("1767323045");
    assertThat(PrometheusText.number(1e-7)).isEqualTo("0.0000001");
    assertThat(PrometheusText.number(1e21)).isEqualTo("1000000000000000000000");
    assertThat(PrometheusText.number(147.2200280879997)).isEqualTo("147.2200280879997");
    assertThat(PrometheusText.number(-3.25)).isEqualTo("-3.25");
    assertThat(PrometheusText.number(Double.NaN)).isEqualTo("NaN");
    assertThat(PrometheusText.number(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(PrometheusText.number(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
  }

  @Test
  void namesAreExposedAsRegisteredAndFamiliesSortedByName() {
    PrometheusMeterRegistry registry = registry();
    Counter.builder("b_events").description("no suffix").register(registry).increment(3);
    Counter.builder("a_events_total").description("with suffix").register(registry).increment();
    Gauge.builder("c_build_info", () -> 1).description("info").tag("v", "1").register(registry);

    assertThat(PrometheusText.render(registry.getMeters()))
        .isEqualTo(
            """
            # HELP a_events_total with suffix
            # TYPE a_events_total counter
            a_events_total 1
            # HELP b_events no suffix
            # TYPE b_events counter
            b_events 3
            # HELP c_build_info info
            # TYPE c_build_info gauge
            c_build_info{v="1"} 1
            """);
  }

  @Test
  void aTimerIsAClassicHistogramInSecondsWithCumulativeBucketsAndNoMaxFamily() {
    PrometheusMeterRegistry registry = registry();
    Timer timer =
        Timer.builder("t_time")
            .description("time")
            .tag("result", "success")
            .serviceLevelObjectives(
                Duration.ofMillis(5), Duration.ofMillis(250), Duration.ofSeconds(1))
            .register(registry);
    timer.record(Duration.ofMillis(2));
    timer.record(Duration.ofMillis(100));
    timer.record(Duration.ofSeconds(3));

    assertThat(PrometheusText.render(registry.getMeters()))
        .isEqualTo(
            """
            # HELP t_time time
            # TYPE t_time histogram
            t_time_bucket{result="success",le="0.005"} 1
            t_time_bucket{result="success",le="0.25"} 2
            t_time_bucket{result="success",le="1"} 2
            t_time_bucket{result="success",le="+Inf"} 3
            t_time_sum{result="success"} 3.102
            t_time_count{result="success"} 3
            """);
  }

  @Test
  void seriesAreSortedByLabelsAndHelpAndLabelValuesAreEscaped() {
    PrometheusMeterRegistry registry = registry();
    String help = "a \\ b\nc";
    Gauge.builder("g", () -> 2).description(help).tag("k", "z\"q").register(registry);
    Gauge.builder("g", () -> 1).description(help).tag("k", "a\\b\nc").register(registry);

    assertThat(PrometheusText.render(registry.getMeters()))
        .isEqualTo(
            """
            # HELP g a \\\\ b\\nc
            # TYPE g gauge
            g{k="a\\\\b\\nc"} 1
            g{k="z\\"q"} 2
            """);
  }
}
