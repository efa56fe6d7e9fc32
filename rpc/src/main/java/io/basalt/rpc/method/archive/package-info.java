/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The {@code archive_v1_*} group of the new JSON-RPC spec
 * (https://paritytech.github.io/json-rpc-interface-spec/api/archive.html) over {@link
 * io.basalt.rpc.api.ArchiveApi}: {@link io.basalt.rpc.method.archive.ArchiveMethods}, with the
 * storage and storage-diff subscriptions streaming at the client's pace.
 */
package io.basalt.rpc.method.archive;
