/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Block import and Substrate's block files.
 *
 * <p>{@link io.basalt.node.importer.BlockImporter} executes a block with {@code Core_execute_block}
 * on its parent's state (the runtime and heap pages come from that state), applies the changes to
 * the parent trie, checks the resulting root against the header and commits trie nodes, header,
 * body, justifications, offchain-index changes, canonical index and best block in one atomic batch.
 * The outcome is a {@link io.basalt.node.importer.BlockImportResult}: {@code Imported}, {@code
 * AlreadyKnown}, {@code UnknownParent} or {@code Invalid(reason)}; on anything but {@code Imported}
 * nothing is written.
 *
 * <p>{@link io.basalt.node.importer.BlockFileReader} and {@link
 * io.basalt.node.importer.BlockFileWriter} read and write {@code export-blocks} files (binary:
 * {@code u64} count then SCALE {@code SignedBlock}s; JSON: concatenated {@code SignedBlock}
 * objects, {@link io.basalt.node.importer.SignedBlockJson}).
 *
 * <pre>{@code
 * BlockImporter importer = new BlockImporter(db, runtimes, offchainIndexing);
 * try (BlockFileReader in = BlockFileReader.open(stream, true)) {
 *   for (Optional<SignedBlock> b = in.next(); b.isPresent(); b = in.next()) {
 *     if (importer.importBlock(b.get()) instanceof BlockImportResult.Invalid bad) { ... }
 *   }
 * }
 * }</pre>
 */
package io.basalt.node.importer;
