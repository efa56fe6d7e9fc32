/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.strategy;

import io.basalt.executor.code.RuntimeCode;
import io.basalt.primitives.bytes.Bytes;

/**
 * One runtime API call to make.
 *
 * @param context why it is made, which selects the strategy
 * @param code the runtime at the state the call runs on
 * @param method the export, e.g. {@code Core_execute_block}
 * @param input the SCALE-encoded arguments
 * @param at where the call runs, for logs (e.g. {@code "block #12 (0xab12…)"})
 */
public record ApiCall(
    ExecutionContext context, RuntimeCode code, String method, Bytes input, String at) {}
