/* SPDX-License-Identifier: Apache-2.0 */
/**
 * JMH benchmarks of {@code io.basalt.primitives.crypto}: signature verification and recovery
 * throughput, the cost the executor pays per signed extrinsic.
 */
package io.basalt.benchmarks.crypto;
