/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

import io.basalt.primitives.bytes.Hash256;

/** A block with its parent and height: a link of the block tree. */
public record BlockLink(Hash256 hash, Hash256 parent, long number) {}
