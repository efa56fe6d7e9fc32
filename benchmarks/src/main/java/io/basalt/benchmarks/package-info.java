/* SPDX-License-Identifier: Apache-2.0 */
/**
 * JMH benchmarks. Run them with {@code bin/bench [JMH args]}, which builds {@code
 * benchmarks/target/basalt-benchmarks.jar} when needed and points the benchmarks at the shared
 * fixtures.
 *
 * <pre>{@code
 * bin/bench TrieRootBenchmark -f 1 -wi 2 -i 3
 * bin/bench -l   # list benchmarks
 * }</pre>
 */
package io.basalt.benchmarks;
