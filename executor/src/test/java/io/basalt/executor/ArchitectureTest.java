/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Package rules inside the executor module (style guide §2.1, §2.3). That only {@code vm.chicory}
 * uses Chicory is a project-wide rule, checked over every module by the node's {@code
 * ArchitectureTest}.
 */
class ArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.basalt.executor");

  @Test
  void engineNeutralVmDoesNotDependOnHostOrState() {
    noClasses()
        .that()
        .resideInAPackage("io.basalt.executor.vm")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.basalt.executor.host..", "io.basalt.executor.state..")
        .check(MAIN);
  }

  @Test
  void theSeamsKnowNeitherHostFunctionsNorTheVm() {
    noClasses()
        .that()
        .resideInAPackage("io.basalt.executor.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.basalt.executor.host..", "io.basalt.executor.vm..")
        .because("modules above the executor implement the seams without seeing its internals")
        .check(MAIN);
  }

  @Test
  void stateDoesNotDependOnTheVmOrHost() {
    noClasses()
        .that()
        .resideInAPackage("io.basalt.executor.state..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.basalt.executor.vm..", "io.basalt.executor.host..")
        .check(MAIN);
  }
}
