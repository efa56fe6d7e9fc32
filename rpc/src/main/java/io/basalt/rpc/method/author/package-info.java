/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The {@code author_*} group over {@link io.basalt.rpc.api.AuthorApi}: {@link
 * io.basalt.rpc.method.author.AuthorMethods} (submission, {@code author_extrinsicUpdate} watches,
 * the ready queue and the key store).
 */
package io.basalt.rpc.method.author;
