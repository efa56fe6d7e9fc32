/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.importer;

import io.basalt.node.chain.BlockOrigin;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.SignedBlock;

/**
 * A consensus check of the import pipeline, run on every block before it is executed, whatever its
 * origin (blocks this node built too): Aura or BABE verify the slot claim and the seal, GRANDPA the
 * justifications and authority set changes. The importer asks its verifiers in order; the first
 * rejection refuses the block and nothing of it is stored. Verifiers are called one block at a time
 * (imports are serialised) and may read the chain, which holds the parent but not yet the block.
 */
public interface BlockVerifier {
  /**
   * Checks {@code block}.
   *
   * @param block the block as received: its header still carries its seal
   * @param parent the block's parent, stored already
   * @param origin where the block comes from (a block from the network is also checked against the
   *     clock; one from a file or built here is not)
   */
  Verdict verify(SignedBlock block, Header parent, BlockOrigin origin);
}
