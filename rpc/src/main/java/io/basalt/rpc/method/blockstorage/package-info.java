/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Storage queries of the new JSON-RPC spec, shared by {@code chainHead_v1_storage} and {@code
 * archive_v1_storage}: the item types ({@code value}, {@code hash}, {@code
 * closestDescendantMerkleValue}, {@code descendantsValues}, {@code descendantsHashes}), their JSON
 * form and paged reads of a block's storage through {@link io.basalt.rpc.api.BlockSource}.
 */
package io.basalt.rpc.method.blockstorage;
