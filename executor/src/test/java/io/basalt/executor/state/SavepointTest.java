/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.primitives.bytes.Bytes;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Savepoints: what a call wrote since one, and undoing or keeping it as a whole. */
class SavepointTest {
  private static final Bytes A = Bytes.fromHex("0x0a");
  private static final Bytes B = Bytes.fromHex("0x0b");
  private static final Bytes CHILD = Bytes.fromHex("0xc0");

  @Test
  void changesListEveryKeyWrittenSinceTheSavepointWithItsStateBeforeAndAfter() {
    OverlayedChanges changes = new OverlayedChanges();
    changes.set(A, Optional.of(Bytes.fromHex("0x01")));
    OverlayedChanges.Savepoint sp = changes.savepoint();
    changes.set(A, Optional.empty());
    changes.startTransaction();
    changes.set(B, Optional.of(Bytes.fromHex("0x02")));
    changes.childSet(CHILD, A, Optional.of(Bytes.fromHex("0x03")));
    changes.commitTransaction();
    changes.startTransaction();
    changes.set(B, Optional.of(Bytes.fromHex("0x99"))); // left open: rolled back by changes()
    changes.setOffchainIndex(B, Optional.of(Bytes.fromHex("0x04")));
    changes.addTransactionIndex(new OverlayedChanges.TransactionIndexOperation(0, A, 1));

    SavepointChanges written = sp.changes();

    assertThat(changes.transactionDepth()).isEqualTo(1);
    assertThat(written.top())
        .containsExactly(
            java.util.Map.entry(
                A,
                new SavepointChanges.Write(
                    OverlayLookup.value(Bytes.fromHex("0x01")), OverlayLookup.DELETED)),
            java.util.Map.entry(
                B,
                new SavepointChanges.Write(
                    OverlayLookup.UNKNOWN, OverlayLookup.value(Bytes.fromHex("0x02")))));
    assertThat(written.children()).containsOnlyKeys(CHILD);
    assertThat(written.offchainIndex()).as("written in the rolled-back transaction").isEmpty();
    assertThat(written.transactionIndex()).hasSize(1);
  }

  @Test
  void rollbackUndoesStorageAndTransactionIndexOperationsCommitKeepsThem() {
    OverlayedChanges changes = new OverlayedChanges();
    OverlayedChanges.Savepoint undone = changes.savepoint();
    changes.set(A, Optional.of(Bytes.fromHex("0x01")));
    changes.addTransactionIndex(new OverlayedChanges.TransactionIndexOperation(0, A, 1));
    undone.rollback();
    assertThat(changes.isEmpty()).isTrue();

    OverlayedChanges.Savepoint kept = changes.savepoint();
    changes.set(B, Optional.of(Bytes.fromHex("0x02")));
    changes.addTransactionIndex(new OverlayedChanges.TransactionIndexOperation(1, B, 2));
    kept.commit();
    assertThat(changes.topChanges()).containsExactly(StorageChange.set(B, Bytes.fromHex("0x02")));
    assertThat(changes.transactionIndexOperations()).hasSize(1);
    assertThat(changes.transactionDepth()).isZero();
    assertThatThrownBy(kept::rollback)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("savepoint already committed or rolled back");
  }

  @Test
  void aSavepointWhoseTransactionWasClosedUnderneathIsRefused() {
    OverlayedChanges changes = new OverlayedChanges();
    OverlayedChanges.Savepoint sp = changes.savepoint();
    changes.rollbackTransaction();
    assertThatThrownBy(sp::changes)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("savepoint at transaction depth 1 outlived its transaction (depth is now 0)");
  }
}
