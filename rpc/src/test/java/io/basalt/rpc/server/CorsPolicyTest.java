/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {
  @Test
  void theDefaultAllowsLocalhostOnAnyPortAndPolkadotJsApps() {
    CorsPolicy cors = CorsPolicy.defaults();
    assertThat(cors.allows("http://localhost:3000")).isTrue();
    assertThat(cors.allows("http://localhost")).isTrue();
    assertThat(cors.allows("https://127.0.0.1:8443")).isTrue();
    assertThat(cors.allows("https://polkadot.js.org")).isTrue();
    assertThat(cors.allows("https://polkadot.js.org.evil.example")).isFalse();
    assertThat(cors.allows("http://localhost:3000.evil.example")).isFalse();
    assertThat(cors.allows("http://localhost:")).isFalse();
    assertThat(cors.allows("http://localhost.evil.example")).isFalse();
    assertThat(cors.allows("null")).isFalse();
    assertThat(cors.describe())
        .isEqualTo(
            "[\"http://localhost:*\", \"http://127.0.0.1:*\", \"https://localhost:*\", "
                + "\"https://127.0.0.1:*\", \"https://polkadot.js.org\"]");
  }

  @Test
  void allAllowsEveryOriginAndIsPrintedAsAStar() {
    assertThat(CorsPolicy.all().allows("https://anything.example")).isTrue();
    assertThat(CorsPolicy.all().describe()).isEqualTo("[\"*\"]");
    assertThat(CorsPolicy.allowing(List.of("null")).allows("null")).isTrue();
  }

  @Test
  void autoDeniesUnsafeMethodsOnlyOffLoopback() throws Exception {
    InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    InetAddress any = InetAddress.getByAddress(new byte[] {0, 0, 0, 0});
    assertThat(RpcMethodsPolicy.AUTO.deniesUnsafe(loopback)).isFalse();
    assertThat(RpcMethodsPolicy.AUTO.deniesUnsafe(any)).isTrue();
    assertThat(RpcMethodsPolicy.SAFE.deniesUnsafe(loopback)).isTrue();
    assertThat(RpcMethodsPolicy.UNSAFE.deniesUnsafe(any)).isFalse();
    assertThat(RpcMethodsPolicy.fromCliName("Unsafe")).isEqualTo(RpcMethodsPolicy.UNSAFE);
  }
}
