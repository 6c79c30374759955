package dev.lifeline.common.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** `common` is what both ends agree on: no UI, no server, no apps, and no package cycles. */
@AnalyzeClasses(packages = "dev.lifeline.common", importOptions = ImportOption.DoNotIncludeTests.class)
class CommonArchitectureTest {
    @ArchTest
    static final ArchRule noUi = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("javafx..", "java.awt..", "javax.swing..")
            .because("common has no UI");

    @ArchTest
    static final ArchRule noServerOrApp = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.lifeline.relay..", "dev.lifeline.client..", "io.netty.bootstrap..")
            .because("common depends on neither the relay nor the apps and runs no server");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.lifeline.common.(*)..").should().beFreeOfCycles();
}
