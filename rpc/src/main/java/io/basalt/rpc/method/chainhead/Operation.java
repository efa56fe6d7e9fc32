/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.chainhead;

/**
 * One {@code chainHead_v1_body}, {@code _call} or {@code _storage} in progress: its id, the
 * operation slots it holds (one per storage item) and whether it waits for {@code
 * chainHead_v1_continue} or was stopped. Guarded by the {@link FollowRegistry}'s monitor.
 */
final class Operation {
  private final String id;
  private final int slots;
  private boolean stopped;
  private boolean finished;
  private Runnable resume;

  Operation(String id, int slots) {
    this.id = id;
    this.slots = slots;
  }

  String id() {
    return id;
  }

  /** Operation slots it holds until it finishes. */
  int slots() {
    return slots;
  }

  boolean isStopped() {
    return stopped;
  }

  /** Stops it; returns whether it was waiting for {@code continue} (and so is over now). */
  boolean stop() {
    stopped = true;
    boolean wasWaiting = resume != null;
    resume = null;
    return wasWaiting;
  }

  boolean isWaiting() {
    return resume != null;
  }

  /** Waits for {@code chainHead_v1_continue}, which runs {@code next}. */
  void waitFor(Runnable next) {
    resume = next;
  }

  /** The step to run on {@code continue}; the operation no longer waits. */
  Runnable resume() {
    Runnable next = resume;
    resume = null;
    return next;
  }

  /** Marks it finished; false if it was already. */
  boolean finish() {
    if (finished) {
      return false;
    }
    finished = true;
    return true;
  }
}
