/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The {@code system_*} group over {@link io.basalt.rpc.api.SystemApi}: {@link
 * io.basalt.rpc.method.system.SystemMethods}. Further groups live beside it, one package per
 * namespace ({@code method.chain}, {@code method.state}…).
 */
package io.basalt.rpc.method.system;
