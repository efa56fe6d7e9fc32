/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.primitives.types.RuntimeVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** set_code's version rules and try-runtime-cli's switches that relax them. */
class SetCodeCheckTest {
  private static RuntimeVersion v(String name, long spec) {
    return new RuntimeVersion(name, name, 1, spec, 1, List.of(), 1, 0);
  }

  private static TryUpgradeOptions relaxed(boolean name, boolean version) {
    return new TryUpgradeOptions(1, UpgradeCheckSelect.PRE_AND_POST, !name, !version, true, true);
  }

  @Test
  void sameNameAndHigherVersionPass() {
    assertThat(SetCodeCheck.refusals(v("demo", 100), v("demo", 101), TryUpgradeOptions.defaults()))
        .isEmpty();
  }

  @Test
  void eachBrokenRuleIsOneLineAndEachSwitchRelaxesItsRule() {
    List<String> both =
        SetCodeCheck.refusals(v("demo", 100), v("other", 100), TryUpgradeOptions.defaults());
    assertThat(both).hasSize(2);
    assertThat(both.get(0)).contains("spec_name 'other' differs from the chain's 'demo'");
    assertThat(both.get(1)).contains("spec_version 100 is not higher than the chain's 100");
    assertThat(both).allSatisfy(l -> assertThat(l.lines()).hasSize(1));
    assertThat(SetCodeCheck.refusals(v("demo", 100), v("other", 99), relaxed(true, false)))
        .singleElement()
        .asString()
        .contains("spec_version 99");
    assertThat(SetCodeCheck.refusals(v("demo", 100), v("other", 99), relaxed(false, true)))
        .singleElement()
        .asString()
        .contains("spec_name 'other'");
    assertThat(SetCodeCheck.refusals(v("demo", 100), v("other", 99), relaxed(true, true)))
        .isEmpty();
  }

  @Test
  void checkSelectionsEncodeAsFrameAndParseTheirCliNames() {
    assertThat(UpgradeCheckSelect.fromCliName("pre-and-post").encoded()).isEqualTo((byte) 2);
    assertThat(UpgradeCheckSelect.fromCliName("none").encoded()).isEqualTo((byte) 0);
    assertThat(UpgradeCheckSelect.fromCliName("ALL").encoded()).isEqualTo((byte) 1);
    assertThat(UpgradeCheckSelect.fromCliName("try-state").encoded()).isEqualTo((byte) 3);
    assertThatThrownBy(() -> UpgradeCheckSelect.fromCliName("some"))
        .hasMessageContaining("use none, pre-and-post, all or try-state");
  }
}
