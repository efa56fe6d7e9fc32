/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Package rules of the crypto code: layered sub-packages, no logging, no cycles. */
class CryptoArchitectureTest {
  private static final JavaClasses CRYPTO =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.basalt.primitives.crypto");

  @Test
  void subPackagesAreFreeOfCycles() {
    slices().matching("io.basalt.primitives.crypto.(*)..").should().beFreeOfCycles().check(CRYPTO);
  }

  @Test
  void schemesDoNotDependOnTheSchemeIndependentLayer() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "..crypto.curve25519..",
            "..crypto.merlin..",
            "..crypto.sr25519..",
            "..crypto.ed25519..",
            "..crypto.ecdsa..",
            "..crypto.bip39..",
            "..crypto.suri..",
            "..crypto.ss58..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.basalt.primitives.crypto", "..crypto.keystore..")
        .check(CRYPTO);
  }

  @Test
  void cryptoCodeNeverLogs() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.slf4j..", "java.util.logging..", "java.lang.System.Logger")
        .check(CRYPTO);
  }
}
