/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.primitives.bytes.Hash256;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProtocolNamesTest {
  private static final String POLKADOT =
      "91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3";
  private static final ProtocolNames NAMES =
      new ProtocolNames(Hash256.fromHex("0x" + POLKADOT), Optional.empty(), "dot");

  @Test
  void polkadotNamesAreGenesisFirstThenLegacy() {
    assertThat(NAMES.blockAnnounces())
        .containsExactly("/" + POLKADOT + "/block-announces/1", "/dot/block-announces/1");
    assertThat(NAMES.sync()).containsExactly("/" + POLKADOT + "/sync/2", "/dot/sync/2");
    assertThat(NAMES.state()).containsExactly("/" + POLKADOT + "/state/2", "/dot/state/2");
    assertThat(NAMES.light()).containsExactly("/" + POLKADOT + "/light/2", "/dot/light/2");
    assertThat(NAMES.warp()).containsExactly("/" + POLKADOT + "/sync/warp", "/dot/sync/warp");
    assertThat(NAMES.transactions())
        .containsExactly("/" + POLKADOT + "/transactions/1", "/dot/transactions/1");
    assertThat(NAMES.kademlia()).containsExactly("/" + POLKADOT + "/kad", "/dot/kad");
  }

  @Test
  void grandpaFallsBackToTheFixedParitytechName() {
    assertThat(NAMES.grandpa())
        .containsExactly("/" + POLKADOT + "/grandpa/1", "/paritytech/grandpa/1");
  }

  @Test
  void forkIdGoesBetweenGenesisAndProtocol() {
    ProtocolNames forked =
        new ProtocolNames(Hash256.fromHex("0x" + POLKADOT), Optional.of("fork1"), "dot");

    assertThat(forked.sync()).containsExactly("/" + POLKADOT + "/fork1/sync/2", "/dot/sync/2");
    assertThat(forked.grandpa())
        .containsExactly("/" + POLKADOT + "/fork1/grandpa/1", "/paritytech/grandpa/1");
  }

  @Test
  void genesisHexIsLowercaseWithoutPrefix() {
    ProtocolNames names =
        new ProtocolNames(Hash256.fromHex("0xABCDEF" + "00".repeat(29)), Optional.empty(), "sup");

    assertThat(names.prefix()).isEqualTo("/abcdef" + "00".repeat(29));
  }
}
