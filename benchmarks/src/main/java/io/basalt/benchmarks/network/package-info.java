/* SPDX-License-Identifier: Apache-2.0 */
/**
 * JMH benchmarks of {@code io.basalt.network}: how many bytes a Yamux stream moves per second over
 * a loopback TCP connection, the ceiling for block sync on one peer connection.
 */
package io.basalt.benchmarks.network;
