/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Events of the basalt-demo runtime: {@link io.basalt.runtime.demo.event.RuntimeEvent} (the outer
 * event enum), the {@link io.basalt.runtime.demo.event.Phase} they carry and the {@link
 * io.basalt.runtime.demo.event.EventRecord} stored in {@code System.Events} (runtime-spec §4,
 * §5.8).
 *
 * <pre>{@code
 * List<EventRecord> events = EventRecord.decodeAll(ext.get(SystemPallet.EVENTS).orElseThrow());
 * }</pre>
 */
package io.basalt.runtime.demo.event;
