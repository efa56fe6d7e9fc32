/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor;

import static io.basalt.executor.WatProbes.EXECUTOR;
import static io.basalt.executor.WatProbes.SERVICES;
import static io.basalt.executor.WatProbes.b;
import static io.basalt.executor.WatProbes.cursor;
import static io.basalt.executor.WatProbes.ext;
import static io.basalt.executor.WatProbes.killResult;
import static io.basalt.executor.WatProbes.multiRemoval;
import static io.basalt.executor.WatProbes.noLimit;
import static io.basalt.executor.WatProbes.optionU32;
import static io.basalt.executor.WatProbes.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.OverlayedExternalities;
import io.basalt.executor.state.TestBackends;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleCodec;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@code ext_default_child_storage_*} called from Wasm: {@code storage_kill} v1 to v4 and {@code
 * clear_prefix} with their result encodings byte for byte, {@code next_key}, and roots per state
 * version.
 */
class DefaultChildStorageHostFunctionsTest {
  private OverlayedExternalities childState() {
    return state(Map.of(), Map.of("a", "1", "b", "2", "c", "3"));
  }

  private boolean childExists(OverlayedExternalities ext, String key) {
    return ext.childExists(b("c"), b(key));
  }

  @Test
  void storageKillV1ToV4RemoveTheChildTrieWithTheirResultEncodings() {
    OverlayedExternalities v1 = childState();
    HostCallProbe.of("ext_default_child_storage_storage_kill_version_1")
        .ps("c")
        .run(EXECUTOR, v1, SERVICES);
    assertThat(childExists(v1, "a") || childExists(v1, "b") || childExists(v1, "c")).isFalse();

    OverlayedExternalities v2 = childState();
    assertThat(
            HostCallProbe.of("ext_default_child_storage_storage_kill_version_2")
                .ps("c")
                .ps(optionU32(2))
                .value(EXECUTOR, v2, SERVICES))
        .as("not all removed")
        .isZero();
    assertThat(childExists(v2, "c")).isTrue();
    assertThat(
            HostCallProbe.of("ext_default_child_storage_storage_kill_version_2")
                .ps("c")
                .ps(noLimit())
                .value(EXECUTOR, v2, SERVICES))
        .isEqualTo(1);

    OverlayedExternalities v3 = childState();
    assertThat(
            HostCallProbe.of("ext_default_child_storage_storage_kill_version_3")
                .ps("c")
                .ps(optionU32(2))
                .returnedBytes(EXECUTOR, v3, SERVICES))
        .isEqualTo(killResult(false, 2));
    assertThat(
            HostCallProbe.of("ext_default_child_storage_storage_kill_version_3")
                .ps("c")
                .ps(noLimit())
                .returnedBytes(EXECUTOR, v3, SERVICES))
        .isEqualTo(killResult(true, 3));

    OverlayedExternalities v4 = childState();
    assertThat(
            HostCallProbe.of("ext_default_child_storage_storage_kill_version_4")
                .ps("c")
                .ps(optionU32(1))
                .ps(cursor(Optional.empty()))
                .returnedBytes(EXECUTOR, v4, SERVICES))
        .isEqualTo(multiRemoval(Optional.of("b"), 1, 1, 1));
    assertThat(
            HostCallProbe.of("ext_default_child_storage_storage_kill_version_4")
                .ps("c")
                .ps(noLimit())
                .ps(cursor(Optional.of(b("b"))))
                .returnedBytes(EXECUTOR, v4, SERVICES))
        .isEqualTo(multiRemoval(Optional.empty(), 2, 2, 2));
    assertThat(childExists(v4, "c")).isFalse();
  }

  @Test
  void childNextKeyAndClearPrefix() {
    OverlayedExternalities ext = state(Map.of(), Map.of("a1", "1", "a2", "2", "b1", "3"));
    ScaleCodec<Optional<Bytes>> optionBytes = ScaleCodec.option(ScaleCodec.BYTES);
    Function<String, Optional<Bytes>> next =
        key ->
            optionBytes.decode(
                HostCallProbe.of("ext_default_child_storage_next_key_version_1")
                    .ps("c")
                    .ps(key)
                    .returnedBytes(EXECUTOR, ext, SERVICES));
    assertThat(next.apply("")).contains(b("a1"));
    assertThat(next.apply("a1")).contains(b("a2"));
    assertThat(next.apply("a11")).contains(b("a2"));
    assertThat(next.apply("b1")).isEmpty();

    assertThat(
            HostCallProbe.of("ext_default_child_storage_clear_prefix_version_2")
                .ps("c")
                .ps("a")
                .ps(optionU32(1))
                .returnedBytes(EXECUTOR, ext, SERVICES))
        .isEqualTo(killResult(false, 1));
    assertThat(next.apply("")).contains(b("a2"));
    HostCallProbe.of("ext_default_child_storage_clear_prefix_version_1")
        .ps("c")
        .ps("a")
        .run(EXECUTOR, ext, SERVICES);
    assertThat(next.apply("")).contains(b("b1"));
  }

  @Test
  void childRootV1AndV2FollowTheStateVersion() {
    // host-api.md §12 (= gossamer's layout test): a 39-byte value is hashed in V1 only.
    Hash256 v0 =
        Hash256.fromHex("0x71052d48704658a8435fb9cbc7ef69c75dad2f64001cb30bfa010f7d609e2657");
    Hash256 v1 =
        Hash256.fromHex("0x6a4a732757263bf2bc4e03a341e3f8ea635f78996ec06a6a965d5097a2911c29");
    OverlayedExternalities ext =
        new OverlayedExternalities(new OverlayedChanges(), TestBackends.of(Map.of()));
    ext.childSet(b("v"), b("key1"), b("value1"));
    ext.childSet(b("v"), b("key2"), b("value2"));
    ext.childSet(b("v"), b("key3"), b("verylargevaluewithmorethan32byteslength"));
    Function<HostCallProbe, Hash256> root =
        probe -> Hash256.wrap(probe.returnedBytes(EXECUTOR, ext, SERVICES));
    assertThat(root.apply(HostCallProbe.of("ext_default_child_storage_root_version_1").ps("v")))
        .isEqualTo(v0);
    assertThat(
            root.apply(HostCallProbe.of("ext_default_child_storage_root_version_2").ps("v").i32(1)))
        .isEqualTo(v1);
    assertThat(
            root.apply(HostCallProbe.of("ext_default_child_storage_root_version_2").ps("v").i32(0)))
        .isEqualTo(v0);
    // Unchanged child tries answer the root stored in the top trie, whatever the version
    // asked (Substrate's Ext::child_storage_root); this backend was built with V0.
    OverlayedExternalities stored =
        new OverlayedExternalities(
            new OverlayedChanges(),
            TestBackends.of(
                Map.of(),
                Map.of(
                    b("v"),
                    Map.of(
                        b("key1"),
                        b("value1"),
                        b("key2"),
                        b("value2"),
                        b("key3"),
                        b("verylargevaluewithmorethan32byteslength")))));
    assertThat(
            Hash256.wrap(
                HostCallProbe.of("ext_default_child_storage_root_version_2")
                    .ps("v")
                    .i32(1)
                    .returnedBytes(EXECUTOR, stored, SERVICES)))
        .isEqualTo(v0);
    assertThatThrownBy(
            () ->
                HostCallProbe.of("ext_default_child_storage_root_version_2")
                    .ps("v")
                    .i32(2)
                    .returnedBytes(EXECUTOR, ext, SERVICES))
        .isInstanceOf(RuntimeTrapException.class)
        .hasMessageContaining("invalid state version 2");
  }
}
