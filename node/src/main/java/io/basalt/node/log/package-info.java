/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The lines a node operator reads: {@link io.basalt.node.log.StatusLog} prints Substrate's status
 * lines (banner, imported, prepared, idle) through the {@code basalt} logger, whatever package the
 * event comes from.
 *
 * <pre>{@code
 * StatusLog.info("✨ Imported #{} ({})", number, StatusLog.shortHash(hash));
 * }</pre>
 */
package io.basalt.node.log;
