/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Layering inside the storage module. That storage uses no module above it is the Maven enforcer's
 * {@code enforce-layering} rule (those modules are not even on its classpath); that only {@code
 * kv.rocksdb} uses RocksDB is a project-wide rule, checked over every module by the node's {@code
 * ArchitectureTest}.
 */
@AnalyzeClasses(
    packages = "io.basalt.storage",
    importOptions = ImportOption.DoNotIncludeTests.class)
class StorageArchitectureTest {

  @ArchTest
  static final ArchRule keyValueStoresKnowNothingOfTriesOrBlocks =
      noClasses()
          .that()
          .resideInAPackage("io.basalt.storage.kv..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.basalt.storage.trie..", "io.basalt.storage.block..");

  @ArchTest
  static final ArchRule triesKnowNothingOfBlocks =
      noClasses()
          .that()
          .resideInAPackage("io.basalt.storage.trie..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.basalt.storage.block..", "io.basalt.storage.kv.rocksdb..");
}
