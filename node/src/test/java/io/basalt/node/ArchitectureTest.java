/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Project-wide package rules (style guide §2.1, §2.2), checked here because the node module sees
 * the main classes of every module it is built from.
 */
class ArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TEST_FIXTURES)
          // runtime-native's test-jar (the block-building harness) is on the test classpath;
          // ArchUnit's test filter knows target/test-classes but not *-tests.jar.
          .withImportOption(location -> !location.contains("-tests.jar"))
          .importPackages("io.basalt");

  @Test
  void theRulesSeeTheMainClassesOfEveryModule() {
    assertThat(MAIN.stream().map(JavaClass::getPackageName).distinct())
        .contains(
            "io.basalt.primitives.scale",
            "io.basalt.storage.kv.rocksdb",
            "io.basalt.executor.vm.chicory",
            "io.basalt.chainspec",
            "io.basalt.runtime.demo.executive",
            "io.basalt.node.cli");
    assertThat(MAIN.stream().map(JavaClass::getSimpleName))
        .noneMatch(name -> name.endsWith("Test") || name.endsWith("IT"));
  }

  @Test
  void onlyTheRocksDbPackageUsesRocksDb() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.basalt.storage.kv.rocksdb..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.rocksdb..")
        .because("RocksDB stays behind KeyValueStore (ADR 0003)")
        .check(MAIN);
  }

  @Test
  void onlyTheChicoryPackageUsesChicory() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.basalt.executor.vm.chicory..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.dylibso.chicory..")
        .because("the Wasm engine stays behind the executor's vm API (ADR 0001)")
        .check(MAIN);
  }

  @Test
  void noPackageCycles() {
    slices()
        .matching("io.basalt.(**)")
        .should()
        .beFreeOfCycles()
        .because("packages layer like modules do: a cycle means two packages are one concept")
        .check(MAIN);
  }

  @Test
  void packagesAreNamedAfterDomainConcepts() {
    noClasses()
        .should()
        .resideInAnyPackage(
            "io.basalt..util..",
            "io.basalt..utils..",
            "io.basalt..impl..",
            "io.basalt..misc..",
            "io.basalt..common..",
            "io.basalt..helpers..",
            "io.basalt..helper..")
        .because("packages are named after domain concepts, not dumping grounds (§2.2)")
        .check(MAIN);
  }
}
