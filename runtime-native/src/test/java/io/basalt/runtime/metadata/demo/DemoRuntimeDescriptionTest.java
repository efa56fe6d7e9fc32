/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.runtime.metadata.RuntimeDescription;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DemoRuntimeDescriptionTest {
  private final RuntimeDescription d = DemoRuntimeDescription.description(100);

  @Test
  void frameStorageKeysMatchKnownValues() {
    assertThat(d.pallet("System").storageEntry("Account").keyPrefix("System").toHex())
        .isEqualTo("0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9");
    assertThat(d.pallet("System").storageEntry("Number").keyPrefix("System").toHex())
        .isEqualTo("0x26aa394eea5630e07c48ae0c9558cef702a5c1b19ab7a04f536c519aca4983ac");
    assertThat(d.pallet("Timestamp").storageEntry("Now").keyPrefix("Timestamp").toHex())
        .isEqualTo("0xf0c365c3cf59d671eb72da0e7a4113c49f1f0515f462cdcf84e0f1d6045dfcbb");
    assertThat(d.pallet("Balances").storageEntry("TotalIssuance").keyPrefix("Balances").toHex())
        .isEqualTo("0xc2261276cc9d1f8598ea4b6a74b15c2f57c875e4cff74148e4628f264b974c80");
  }

  @Test
  void accountKeyAppendsBlake2128ConcatOfTheAccount() {
    Bytes alice = Bytes.fromHex("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");
    Bytes key = d.pallet("System").storageEntry("Account").mapKey("System", alice);
    assertThat(key.length()).isEqualTo(32 + 16 + 32);
    assertThat(key.slice(48, 80)).isEqualTo(alice);
  }

  @Test
  void versionRoundTripsAndListsTheApis() {
    RuntimeVersion v = DemoRuntimeDescription.version(101);
    RuntimeVersion decoded = RuntimeVersion.decode(v.encode(), OptionalLong.empty());
    assertThat(decoded).isEqualTo(v);
    assertThat(v.specName()).isEqualTo("basalt-demo");
    assertThat(v.apiVersion("Core")).contains(4L);
    assertThat(v.apiVersion("GenesisBuilder")).contains(1L);
    assertThat(v.apis()).hasSize(9);
    assertThat(v.apis().get(0).id().toHex()).isEqualTo("0xdf6acb689907609b");
  }

  @Test
  void versionConstantIsTheEncodedVersion() {
    assertThat(d.pallet("System").constant("Version").value().toArray())
        .isEqualTo(DemoRuntimeDescription.version(100).encode());
  }

  @Test
  void existentialDepositConstantIsLittleEndianU128() {
    assertThat(d.pallet("Balances").constant("ExistentialDeposit").value().toHex())
        .isEqualTo("0x00ca9a3b000000000000000000000000");
  }

  @Test
  void spec101ChangesOnlyTheTemplatePallet() {
    RuntimeDescription d101 = DemoRuntimeDescription.description(101);
    assertThat(d101.pallet("Template").storageEntry("Value").valueType()).isEqualTo("ValueRecord");
    assertThat(d.pallet("Template").storageEntry("Value").valueType()).isEqualTo("u32");
    assertThat(d101.pallet("Balances")).isEqualTo(d.pallet("Balances"));
  }
}
