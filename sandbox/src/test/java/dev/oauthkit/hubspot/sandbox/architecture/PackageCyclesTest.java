package dev.oauthkit.hubspot.sandbox.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The sandbox's packages depend on each other one way: no package reaches back to itself. */
class PackageCyclesTest {

  private static final JavaClasses SANDBOX =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.oauthkit.hubspot.sandbox");

  @Test
  void whenTheSandboxPackagesAreSlicedThenNoSliceDependsOnItselfThroughAnother() {
    assertThat(SANDBOX).as("sandbox classes imported").hasSizeGreaterThan(50);

    slices()
        .matching("dev.oauthkit.hubspot.sandbox.(*)..")
        .should()
        .beFreeOfCycles()
        .because("a package that reaches back through another cannot be changed on its own")
        .check(SANDBOX);
  }
}
