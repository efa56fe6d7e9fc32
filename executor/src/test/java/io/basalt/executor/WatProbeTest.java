/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dylibso.chicory.wabt.Wat2Wasm;
import io.basalt.executor.host.HostServices;
import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.OverlayedExternalities;
import io.basalt.executor.state.TestBackends;
import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.crypto.keystore.InMemoryKeystore;
import io.basalt.primitives.crypto.keystore.KeyTypeId;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.primitives.types.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Host-API probes written in WAT and compiled with Chicory's wabt: small runtimes that import host
 * functions and misbehave on purpose. Run in the interpreter (no compile time).
 */
class WatProbeTest {
  private static final RuntimeExecutor EXECUTOR =
      new RuntimeExecutor(
          ExecutorConfig.defaults().withMethod(WasmExecutionMethod.INTERPRETED),
          HostServices.unconfigured());

  @AfterAll
  static void close() {
    EXECUTOR.close();
  }

  static RuntimeBlob module(String body) {
    return RuntimeBlob.parse(
        Wat2Wasm.parse(
            "(module\n" + body + "\n (global (export \"__heap_base\") i32 (i32.const 1024)))"));
  }

  static OverlayedExternalities ext() {
    return new OverlayedExternalities(new OverlayedChanges(), TestBackends.of(Map.of()));
  }

  @Test
  void panicHandlerMessageBecomesTheTrapMessage() {
    RuntimeBlob blob =
        module(
            """
            (import "env" "ext_panic_handler_abort_on_panic_version_1" (func $panic (param i64)))
            (memory (export "memory") 1)
            (data (i32.const 16) "boom: balance too low")
            (func (export "Test_panic") (param i32 i32) (result i64)
              (call $panic (i64.or (i64.shl (i64.const 21) (i64.const 32)) (i64.const 16)))
              (i64.const 0))
            """);
    assertThatThrownBy(() -> EXECUTOR.call(blob, "Test_panic", new byte[0], ext()))
        .isInstanceOf(RuntimeTrapException.class)
        .hasMessageContaining("Test_panic panicked: boom: balance too low")
        .satisfies(
            e ->
                assertThat(((RuntimeTrapException) e).panicMessage())
                    .contains("boom: balance too low"));
  }

  @Test
  void olderRuntimesPanicByLoggingAnErrorThenTrapping() {
    RuntimeBlob blob =
        module(
            """
            (import "env" "ext_logging_log_version_1" (func $log (param i32 i64 i64)))
            (import "env" "memory" (memory 1))
            (data (i32.const 16) "runtimepanicked at 'overflow'")
            (func (export "Test_panic") (param i32 i32) (result i64)
              (call $log (i32.const 0)
                (i64.or (i64.shl (i64.const 7) (i64.const 32)) (i64.const 16))
                (i64.or (i64.shl (i64.const 22) (i64.const 32)) (i64.const 23)))
              unreachable)
            """);
    assertThatThrownBy(() -> EXECUTOR.call(blob, "Test_panic", new byte[0], ext()))
        .isInstanceOf(RuntimeTrapException.class)
        .hasMessageContaining("panicked: panicked at 'overflow'")
        .hasMessageContaining("unreachable");
  }

  @Test
  void missingHostFunctionsAreAllListed() {
    RuntimeBlob blob =
        module(
            """
            (import "env" "ext_storage_get_version_1" (func (param i64) (result i64)))
            (import "env" "ext_made_up_version_1" (func (param i32)))
            (import "other" "thing" (func))
            (memory (export "memory") 1)
            (func (export "Core_version") (param i32 i32) (result i64) (i64.const 0))
            """);
    assertThatThrownBy(() -> EXECUTOR.call(blob, "Core_version", new byte[0], ext()))
        .isInstanceOf(InvalidRuntimeCodeException.class)
        .hasMessageContaining("2 function(s) this node does not provide")
        .hasMessageContaining("env.ext_made_up_version_1")
        .hasMessageContaining("other.thing");
  }

  @Test
  void importWithTheWrongSignatureIsRefused() {
    RuntimeBlob blob =
        module(
            """
            (import "env" "ext_storage_get_version_1" (func (param i32) (result i64)))
            (memory (export "memory") 1)
            """);
    assertThatThrownBy(() -> EXECUTOR.prepare(blob))
        .isInstanceOf(InvalidRuntimeCodeException.class)
        .hasMessageContaining(
            "env.ext_storage_get_version_1 has type (i32)->(i64) but the host function has type"
                + " (i64)->(i64)");
  }

  @Test
  void corruptedWasmIsRefusedWithAClearMessage() {
    byte[] wasm = Wat2Wasm.parse("(module (func (export \"f\") (result i32) i32.const 1))");
    byte[] corrupted = java.util.Arrays.copyOf(wasm, wasm.length);
    corrupted[corrupted.length - 3] = (byte) 0xff;
    RuntimeBlob blob = RuntimeBlob.parse(corrupted);
    assertThatThrownBy(() -> EXECUTOR.prepare(blob))
        .isInstanceOf(InvalidRuntimeCodeException.class)
        .hasMessageContaining("is not a valid Wasm module")
        .hasMessageContaining("illegal opcode")
        .hasMessageContaining(blob.codeHash().toString());
  }

  @Test
  void missingExportIsReported() {
    RuntimeBlob blob = module("(memory (export \"memory\") 1)");
    assertThatThrownBy(() -> EXECUTOR.call(blob, "Core_version", new byte[0], ext()))
        .isInstanceOf(InvalidRuntimeCodeException.class)
        .hasMessageContaining("does not export the function Core_version");
  }

  @Test
  void outOfBoundsPointerFromTheRuntimeTraps() {
    RuntimeBlob blob =
        module(
            """
            (import "env" "ext_storage_set_version_1" (func $set (param i64 i64)))
            (memory (export "memory") 1)
            (func (export "Test_oob") (param i32 i32) (result i64)
              (call $set (i64.const 0x000000047ffffff0) (i64.const 0))
              (i64.const 0))
            """);
    assertThatThrownBy(() -> EXECUTOR.call(blob, "Test_oob", new byte[0], ext()))
        .isInstanceOf(RuntimeTrapException.class)
        .hasMessageContaining("ext_storage_set_version_1: out-of-bounds memory access");
  }

  @Test
  void commitWithoutTransactionTraps() {
    RuntimeBlob blob =
        module(
            """
            (import "env" "ext_storage_commit_transaction_version_1" (func $commit))
            (memory (export "memory") 1)
            (func (export "Test_commit") (param i32 i32) (result i64) (call $commit) (i64.const 0))
            """);
    assertThatThrownBy(() -> EXECUTOR.call(blob, "Test_commit", new byte[0], ext()))
        .isInstanceOf(RuntimeTrapException.class)
        .hasMessageContaining("no transaction open");
  }

  @Test
  void storageRoundTripThroughHostFunctionsAndDanglingTransactionsRollBack() {
    // Test_store: set(input, "v"), start a transaction, set("k2", "x"), return get(input).
    RuntimeBlob blob =
        module(
            """
            (import "env" "ext_storage_set_version_1" (func $set (param i64 i64)))
            (import "env" "ext_storage_get_version_1" (func $get (param i64) (result i64)))
            (import "env" "ext_storage_start_transaction_version_1" (func $start))
            (memory (export "memory") 1)
            (data (i32.const 8) "vk2x")
            (func (export "Test_store") (param $ptr i32) (param $len i32) (result i64)
              (local $key i64)
              (local.set $key (i64.or (i64.shl (i64.extend_i32_u (local.get $len)) (i64.const 32))
                                      (i64.extend_i32_u (local.get $ptr))))
              (call $set (local.get $key) (i64.const 0x0000000100000008))
              (call $start)
              (call $set (i64.const 0x0000000200000009) (i64.const 0x000000010000000b))
              (call $get (local.get $key)))
            """);
    OverlayedChanges changes = new OverlayedChanges();
    OverlayedExternalities ext = new OverlayedExternalities(changes, TestBackends.of(Map.of()));
    byte[] out = EXECUTOR.call(blob, "Test_store", "key".getBytes(StandardCharsets.US_ASCII), ext);

    // Option<Vec<u8>>: Some, length 1, "v"
    assertThat(out).containsExactly(1, 4, 'v');
    assertThat(ext.get(Bytes.wrap("key".getBytes(StandardCharsets.US_ASCII))))
        .contains(Bytes.wrap("v".getBytes(StandardCharsets.US_ASCII)));
    assertThat(ext.get(Bytes.wrap("k2".getBytes(StandardCharsets.US_ASCII)))).isEmpty();
    assertThat(changes.transactionDepth()).isZero();
  }

  @Test
  void signatureVerificationIsRealAndSigningNeedsAKeystore() {
    // Test_verify(sig ‖ pub ‖ msg) -> [sr25519_verify_version_2(sig, msg, pub)]
    RuntimeBlob blob =
        module(
            """
            (import "env" "ext_crypto_sr25519_verify_version_2" (func $v (param i32 i64 i32) (result i32)))
            (import "env" "ext_crypto_sr25519_sign_version_1" (func $s (param i32 i32 i64) (result i64)))
            (memory (export "memory") 1)
            (func (export "Test_verify") (param $p i32) (param $l i32) (result i64)
              (local $r i32)
              (local.set $r
                (call $v
                  (local.get $p)
                  (i64.or
                    (i64.extend_i32_u (i32.add (local.get $p) (i32.const 96)))
                    (i64.shl (i64.extend_i32_u (i32.sub (local.get $l) (i32.const 96))) (i64.const 32)))
                  (i32.add (local.get $p) (i32.const 64))))
              (i32.store8 (local.get $p) (local.get $r))
              (i64.or (i64.extend_i32_u (local.get $p)) (i64.shl (i64.const 1) (i64.const 32))))
            (func (export "Test_sign") (param i32 i32) (result i64)
              (call $s (i32.const 0) (i32.const 4) (i64.const 0)))
            """);
    var alice = KeyScheme.SR25519.fromSuri("//Alice", java.util.Optional.empty()).pair();
    byte[] message = "basalt".getBytes(StandardCharsets.US_ASCII);
    byte[] signature = alice.sign(message);
    byte[] pub = alice.publicKey().toArray();
    assertThat(EXECUTOR.call(blob, "Test_verify", concat(signature, pub, message), ext()))
        .containsExactly(1);
    byte[] tampered = message.clone();
    tampered[0] ^= 1;
    assertThat(EXECUTOR.call(blob, "Test_verify", concat(signature, pub, tampered), ext()))
        .containsExactly(0);
    assertThat(EXECUTOR.call(blob, "Test_verify", concat(new byte[64], pub, message), ext()))
        .containsExactly(0);
    assertThatThrownBy(() -> EXECUTOR.call(blob, "Test_sign", new byte[0], ext()))
        .isInstanceOf(RuntimeTrapException.class)
        .hasMessageContaining("no keystore is associated with this runtime call");
  }

  @Test
  void signingKeysComeFromTheKeystoreGrantedToTheCall() {
    // Test_keys(key type) -> sr25519_public_keys; Test_sign(type ‖ pub ‖ msg) -> sr25519_sign;
    // Test_generate(type ‖ Option<seed>) -> ed25519_generate (a 32-byte key).
    RuntimeBlob blob =
        module(
            """
            (import "env" "ext_crypto_sr25519_public_keys_version_1" (func $keys (param i32) (result i64)))
            (import "env" "ext_crypto_sr25519_sign_version_1" (func $sign (param i32 i32 i64) (result i64)))
            (import "env" "ext_crypto_ed25519_generate_version_1" (func $gen (param i32 i64) (result i32)))
            (memory (export "memory") 1)
            (func $ps (param $p i32) (param $l i32) (result i64)
              (i64.or (i64.extend_i32_u (local.get $p)) (i64.shl (i64.extend_i32_u (local.get $l)) (i64.const 32))))
            (func (export "Test_keys") (param $p i32) (param $l i32) (result i64)
              (call $keys (local.get $p)))
            (func (export "Test_sign") (param $p i32) (param $l i32) (result i64)
              (call $sign (local.get $p) (i32.add (local.get $p) (i32.const 4))
                (call $ps (i32.add (local.get $p) (i32.const 36)) (i32.sub (local.get $l) (i32.const 36)))))
            (func (export "Test_generate") (param $p i32) (param $l i32) (result i64)
              (call $ps
                (call $gen (local.get $p)
                  (call $ps (i32.add (local.get $p) (i32.const 4)) (i32.sub (local.get $l) (i32.const 4))))
                (i32.const 32)))
            """);
    InMemoryKeystore keystore = new InMemoryKeystore();
    var alice = KeyScheme.SR25519.fromSuri("//Alice", java.util.Optional.empty()).pair();
    keystore.insert(KeyTypeId.ACCOUNT, "//Alice", alice.publicKey());
    HostServices services = HostServices.unconfigured().withKeystore(keystore);
    byte[] acco = KeyTypeId.ACCOUNT.id().toArray();

    byte[] keys = EXECUTOR.call(blob, "Test_keys", acco, ext(), services);
    assertThat(keys).isEqualTo(concat(new byte[] {4}, alice.publicKey().toArray()));

    byte[] message = "authored".getBytes(StandardCharsets.US_ASCII);
    byte[] signed =
        EXECUTOR.call(
            blob, "Test_sign", concat(acco, alice.publicKey().toArray(), message), ext(), services);
    assertThat(signed).hasSize(65).startsWith(1);
    byte[] signature = java.util.Arrays.copyOfRange(signed, 1, 65);
    assertThat(KeyScheme.SR25519.verify(signature, message, alice.publicKey().toArray())).isTrue();
    // A key the keystore does not hold signs nothing: None.
    byte[] unknown = new byte[32];
    assertThat(EXECUTOR.call(blob, "Test_sign", concat(acco, unknown, message), ext(), services))
        .containsExactly(0);

    byte[] seed =
        ScaleCodec.option(ScaleCodec.BYTES)
            .encode(java.util.Optional.of(Bytes.wrap("//Bob".getBytes(StandardCharsets.UTF_8))));
    byte[] generated = EXECUTOR.call(blob, "Test_generate", concat(acco, seed), ext(), services);
    assertThat(generated)
        .isEqualTo(
            KeyScheme.ED25519
                .fromSuri("//Bob", java.util.Optional.empty())
                .pair()
                .publicKey()
                .toArray());
    assertThat(keystore.publicKeys(KeyTypeId.ACCOUNT, KeyScheme.ED25519))
        .contains(Bytes.wrap(generated));
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  @Test
  void offchainFunctionsTrapOutsideOffchainContext() {
    RuntimeBlob blob =
        module(
            """
            (import "env" "ext_offchain_timestamp_version_1" (func $t (result i64)))
            (memory (export "memory") 1)
            (func (export "Test_time") (param i32 i32) (result i64) (call $t))
            """);
    assertThatThrownBy(() -> EXECUTOR.call(blob, "Test_time", new byte[0], ext()))
        .isInstanceOf(RuntimeTrapException.class)
        .hasMessageContaining(
            "ext_offchain_timestamp_version_1 is only available in offchain context");
  }

  @Test
  void heapPagesBoundTheAllocator() {
    // Asks the host for 3 MiB; 16 extra pages (1 MiB) are not enough, the default 2048 are.
    RuntimeBlob blob =
        module(
            """
            (import "env" "ext_allocator_malloc_version_1" (func $malloc (param i32) (result i32)))
            (memory (export "memory") 1)
            (func (export "Test_alloc") (param i32 i32) (result i64)
              (drop (call $malloc (i32.const 3145728)))
              (i64.const 0))
            """);
    OverlayedExternalities small =
        new OverlayedExternalities(
            new OverlayedChanges(),
            TestBackends.of(
                Map.of(RuntimeExecutor.HEAP_PAGES_KEY, Bytes.fromHex("0x1000000000000000"))));
    assertThatThrownBy(() -> EXECUTOR.call(blob, "Test_alloc", new byte[0], small))
        .isInstanceOf(RuntimeTrapException.class)
        .hasMessageContaining("allocator: out of space");
    assertThat(EXECUTOR.call(blob, "Test_alloc", new byte[0], ext())).isEmpty();
  }
}
