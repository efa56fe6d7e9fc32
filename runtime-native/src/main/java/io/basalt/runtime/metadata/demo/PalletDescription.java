/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata.demo;

import io.basalt.runtime.metadata.PalletSpec;
import io.basalt.runtime.metadata.TypeCatalog;

/**
 * One pallet of basalt-demo as FRAME's pallet macros expose it to metadata: the types it declares
 * (its call, event and error enums and the types only it uses) and its entry in the pallet list.
 */
interface PalletDescription {
  /** Adds the types this pallet declares to the runtime's catalog. */
  void defineTypes(TypeCatalog types);

  /**
   * The pallet's name, index, storage, constants and docs, naming its call, event and error enums
   * by their type keys.
   */
  PalletSpec pallet();
}
