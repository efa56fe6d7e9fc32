/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The {@code chainSpec_v1_*} group of the new JSON-RPC spec
 * (https://paritytech.github.io/json-rpc-interface-spec/api/chainSpec.html) over {@link
 * io.basalt.rpc.api.ChainSpecApi}.
 */
package io.basalt.rpc.method.chainspec;
