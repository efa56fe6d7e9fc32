/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.chainspec;

/**
 * A telemetry server from the chain spec, kept so that {@code build-spec} re-emits it.
 *
 * @param url the WebSocket URL
 * @param verbosity the verbosity level (0 = least)
 */
public record TelemetryEndpoint(String url, int verbosity) {}
