/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dependency rules of runtime-native: the Java runtime sees the executor only through its API (the
 * native SPI and the host service seams, which include the runtime-version reader {@code set_code}
 * uses and the trie operations behind the extrinsics root) and the externalities, never the VM or
 * the host functions. Storage is kept off its compile classpath by the Maven enforcer; the
 * project-wide rules (Chicory, RocksDB, package names, no cycles) are the node's {@code
 * ArchitectureTest}. Plus one design rule for its sealed types.
 */
class ArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.basalt.runtime");

  @Test
  void neverImportsTheWasmEngine() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.basalt.executor.vm.chicory..", "com.dylibso.chicory..")
        .check(MAIN);
  }

  @Test
  void usesOnlyTheExecutorsApiAndState() {
    noClasses()
        .should()
        .dependOnClassesThat(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "executor classes outside api and state",
                c ->
                    c.getPackageName().startsWith("io.basalt.executor")
                        && !c.getPackageName().equals("io.basalt.executor.api")
                        && !c.getPackageName().equals("io.basalt.executor.state")))
        .check(MAIN);
  }

  @Test
  void theMetadataDescriptionDoesNotDependOnTheRuntime() {
    noClasses()
        .that()
        .resideInAPackage("io.basalt.runtime.metadata..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.basalt.runtime.demo..", "io.basalt.executor..")
        .check(MAIN);
  }

  @Test
  void palletsDoNotReachUpIntoTheExecutiveOrApi() {
    noClasses()
        .that()
        .resideInAPackage("io.basalt.runtime.demo.pallet..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.basalt.runtime.demo.executive..",
            "io.basalt.runtime.demo.api..",
            "io.basalt.runtime.demo.genesis..")
        .check(MAIN);
  }

  /**
   * A record component named like a default method of its sealed interface silently overrides it
   * (as {@code SudoUncheckedWeight(call, weight)} once replaced {@code RuntimeCall.weight()}).
   */
  @Test
  void noRecordComponentOverridesADefaultMethodOfItsSealedInterface() {
    List<String> clashes = new ArrayList<>();
    for (var javaClass : MAIN) {
      Class<?> type = javaClass.reflect();
      if (!type.isInterface() || !type.isSealed()) {
        continue;
      }
      for (Class<?> variant : type.getPermittedSubclasses()) {
        if (!variant.isRecord()) {
          continue;
        }
        for (RecordComponent component : variant.getRecordComponents()) {
          for (Method method : type.getMethods()) {
            if (method.isDefault()
                && method.getParameterCount() == 0
                && method.getName().equals(component.getName())) {
              clashes.add(variant.getName() + "." + component.getName());
            }
          }
        }
      }
    }
    assertThat(clashes).isEmpty();
  }
}
