/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The node's configuration as immutable values: {@link io.basalt.node.service.NodeConfig} (in the
 * service package, which it configures) for the daemon, {@link io.basalt.node.config.ImportConfig}
 * for block execution and import, {@link io.basalt.node.config.PrometheusConfig} for the metrics
 * exporter's address, {@link io.basalt.node.config.BasePath} for the data folder layout ({@code
 * chains/<id>/db/full}, {@code wasm-cache}), and {@link
 * io.basalt.node.config.InvalidConfigurationException} for problems the user must fix.
 *
 * <pre>{@code
 * ImportConfig imports = ImportConfig.defaults();
 * Path cache = imports.wasmCacheDir(new BasePath(Path.of("/data"), false)); // /data/wasm-cache
 * }</pre>
 */
package io.basalt.node.config;
