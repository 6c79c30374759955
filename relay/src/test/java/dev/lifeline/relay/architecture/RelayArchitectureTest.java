package dev.lifeline.relay.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The relay forwards what it cannot open: it never touches the end-to-end layer's openers. */
@AnalyzeClasses(packages = "dev.lifeline.relay", importOptions = ImportOption.DoNotIncludeTests.class)
class RelayArchitectureTest {
    @ArchTest
    static final ArchRule neverOpensSessions = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.lifeline.common.handshake..", "dev.lifeline.common.session..",
                    "dev.lifeline.common.delivery..", "dev.lifeline.common.wire.e2e..")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Opener")
            .because("the relay sees only ciphertext and must hold no way to open it");

    @ArchTest
    static final ArchRule neverUnsealsRecordingKeys = noClasses().should().dependOnClassesThat()
            .haveFullyQualifiedName("dev.lifeline.common.crypto.SealedRecordingKey")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.lifeline.common.crypto.Hpke")
            .because("the relay stores sealed recording keys it can never open");

    @ArchTest
    static final ArchRule noUiNoApps = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("javafx..", "dev.lifeline.client..")
            .because("the relay is a server: no UI, no app code");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.lifeline.relay.(*)..").should().beFreeOfCycles();
}
