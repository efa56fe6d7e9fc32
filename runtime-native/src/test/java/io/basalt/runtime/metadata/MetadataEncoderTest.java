/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class MetadataEncoderTest {

  @Test
  void registryOfAccountId32MatchesARealFrameRuntime() throws IOException {
    // A FRAME runtime's registry starts with AccountId32, [u8; 32], u8: the same three types,
    // numbered and encoded the same way, must give the same bytes.
    String hex =
        Files.readString(Fixtures.file("chainspecs/node-template-local.metadata.hex")).trim();
    byte[] real = Hex.decode(hex.replace("\"", ""));
    TypeCatalog t = new TypeCatalog();
    t.array("[u8; 32]", 32, "u8");
    t.composite(
        "AccountId32", "sp_core::crypto::AccountId32", Field.unnamed("[u8; 32]", "[u8; 32]"));
    PortableRegistry registry = new PortableRegistry(t);
    assertThat(registry.id("AccountId32")).isZero();
    assertThat(registry.id("u8")).isEqualTo(2);
    ScaleWriter w = new ScaleWriter();
    registry.encode(w);
    byte[] ours = w.toByteArray();
    // Real: magic, version 14, compact type count (124), then the types.
    int offset = 4 + 1 + 2;
    byte[] realTypes = java.util.Arrays.copyOfRange(real, offset, offset + ours.length - 1);
    byte[] ourTypes = java.util.Arrays.copyOfRange(ours, 1, ours.length);
    assertThat(Hex.encode(ourTypes)).isEqualTo(Hex.encode(realTypes));
  }

  @Test
  void typesAreNumberedDepthFirstWithParamsBeforeFields() {
    TypeCatalog t = new TypeCatalog();
    t.option("Option<u32>", "u32");
    t.composite("S", "a::S", Field.named("x", "u64", "u64"), Field.named("y", "Option<u32>", ""));
    PortableRegistry registry = new PortableRegistry(t);
    assertThat(registry.id("S")).isZero();
    assertThat(registry.id("u64")).isEqualTo(1);
    assertThat(registry.id("Option<u32>")).isEqualTo(2);
    assertThat(registry.id("u32")).isEqualTo(3);
    assertThat(registry.size()).isEqualTo(4);
  }

  @Test
  void shouldRejectUnknownTypeKey() {
    TypeCatalog t = new TypeCatalog();
    t.sequence("Vec<Missing>", "Missing");
    PortableRegistry registry = new PortableRegistry(t);
    assertThatThrownBy(() -> registry.id("Vec<Missing>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Missing");
  }

  @Test
  void shouldRejectDuplicateVariantIndex() {
    assertThatThrownBy(
            () ->
                new TypeDef.Variant(
                    java.util.List.of(
                        VariantDef.variant(1, "A", ""), VariantDef.variant(1, "B", ""))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate variant index");
  }

  @Test
  void shouldRejectDuplicateVariantName() {
    assertThatThrownBy(
            () ->
                new TypeDef.Variant(
                    java.util.List.of(
                        VariantDef.variant(0, "A", ""), VariantDef.variant(1, "A", ""))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate variant name");
  }
}
