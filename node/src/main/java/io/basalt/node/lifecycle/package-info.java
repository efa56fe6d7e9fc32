/* SPDX-License-Identifier: Apache-2.0 */
/** How the node's parts start and stop: their worker threads end before what they use closes. */
package io.basalt.node.lifecycle;
