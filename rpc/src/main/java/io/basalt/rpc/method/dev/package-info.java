/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Chopsticks' {@code dev_*} group over {@link io.basalt.rpc.api.DevApi}: {@link
 * io.basalt.rpc.method.dev.DevMethods}, with Chopsticks' parameter shapes, results and code-1
 * errors, so Chopsticks-style test scripts run against a Basalt development chain. Unsafe.
 */
package io.basalt.rpc.method.dev;
