/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The small pieces of JSON that Basalt writes by hand, byte-compatible with serde_json, where
 * Substrate's output format is the contract: key files, {@code key inspect} reports, chain specs
 * and runtime versions. Example: {@code JsonString.encode("a\"b")} is {@code "a\"b"} with the quote
 * escaped.
 */
package io.basalt.primitives.json;
