/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Prometheus metrics under Substrate's names, so Substrate's dashboards work on a Basalt node.
 * {@link io.basalt.node.metrics.NodeMetrics} is what the node calls (chain and pool gauges read
 * suppliers; imports, proposals, pool events and runtime compiles are reported as they happen; an
 * {@link io.basalt.executor.strategy.ExecutionObserver} counts runtime calls); {@link
 * io.basalt.node.metrics.PrometheusEndpoint} serves them on {@code /metrics} ({@code
 * --prometheus-port}, default 9615, 127.0.0.1 unless {@code --prometheus-external}).
 *
 * <p>Micrometer holds the meters and stays inside this package. The exposition is written here
 * ({@code PrometheusText}) in the Rust exporter's exact form, because Micrometer's writer renames
 * counters without a {@code _total} suffix and adds {@code _max} families.
 *
 * <pre>{@code
 * NodeMetrics metrics = NodeMetrics.create(
 *     NodeMetrics.Identity.ofThisProcess("dev", "Alice", NodeVersion.version(), true));
 * metrics.watchChain(bestNumber, finalizedNumber, leafCount);
 * try (PrometheusEndpoint endpoint = PrometheusEndpoint.start(config.prometheus(), metrics)) {
 *   metrics.blockImported(Duration.ofMillis(12));
 * }
 * }</pre>
 */
package io.basalt.node.metrics;
