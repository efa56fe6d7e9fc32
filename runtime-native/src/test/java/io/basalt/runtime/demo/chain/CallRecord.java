/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.chain;

import io.basalt.primitives.types.Bytes;

/**
 * One runtime call the harness made and what it did: the unit the differential test compares.
 *
 * @param method the exported function
 * @param input its input
 * @param outcome its result
 */
public record CallRecord(String method, Bytes input, CallOutcome outcome) {}
