/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The Template pallet of basalt-demo (runtime-spec §6.6, §8.2): {@code set_value}, and spec 101's
 * migration of {@code Template.Value} from {@code u32} to {@code ValueRecord{value, set_at}}, which
 * emits {@code Migrated} and bumps the pallet's storage version to 1.
 *
 * <pre>{@code
 * new TemplatePallet(storage, system, 101).onRuntimeUpgrade(); // translates a spec-100 value
 * }</pre>
 */
package io.basalt.runtime.demo.pallet.template;
