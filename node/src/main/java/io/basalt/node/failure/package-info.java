/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Failures meant for people: {@link io.basalt.node.failure.UserFacingException} marks an error the
 * user can act on, wherever in the node it arises; the CLI's exit policy turns it into one {@code
 * Error: …} line and exit code 1.
 *
 * <pre>{@code
 * throw new UserFacingException("cannot open the database at " + dir + ": " + e.getMessage(), e);
 * }</pre>
 */
package io.basalt.node.failure;
