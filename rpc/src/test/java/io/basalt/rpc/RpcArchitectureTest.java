/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rpc module's package rules (style guide §2.5): transport apart from dispatch. */
class RpcArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.basalt.rpc");

  @Test
  void hasNoPackageCycles() {
    slices().matching("io.basalt.rpc.(**)").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void onlyTheServerUsesNetty() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.basalt.rpc.server..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.netty..")
        .because("dispatch, subscriptions and method groups are transport-free")
        .check(MAIN);
  }

  @Test
  void methodGroupsAndFacadesDoNotSeeTheServer() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.basalt.rpc.method..", "io.basalt.rpc.api..", "io.basalt.rpc.dispatch..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.basalt.rpc.server..")
        .check(MAIN);
  }
}
