package dev.lifeline.client.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** View models hold state, not nodes; the session logic knows nothing of the UI. */
@AnalyzeClasses(packages = "dev.lifeline.client", importOptions = ImportOption.DoNotIncludeTests.class)
class ClientArchitectureTest {
    @ArchTest
    static final ArchRule viewModelsHoldNoNodes = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
            .because("view models are tested without a screen");

    @ArchTest
    static final ArchRule sessionLogicHasNoUi = noClasses().that()
            .resideInAnyPackage("dev.lifeline.client.session..", "dev.lifeline.client.connection..", "dev.lifeline.client.headless..",
                    "dev.lifeline.client.recording..",
                    "dev.lifeline.client.probes..", "dev.lifeline.client.diagnostics..", "dev.lifeline.client.report..",
                    "dev.lifeline.client.team..", "dev.lifeline.client.transfer..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("headless mode and tests use the same session code without a toolkit");

    @ArchTest
    static final ArchRule onlyTheCommandRunnerStartsProcesses = noClasses().that()
            .doNotHaveFullyQualifiedName("dev.lifeline.client.probes.CommandRunner")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.lang.ProcessBuilder")
            .orShould().callMethod(Runtime.class, "exec", String.class)
            .orShould().callMethod(Runtime.class, "exec", String[].class)
            .because("diagnostics run a fixed catalogue of commands through one door; nothing runs a command line");

    @ArchTest
    static final ArchRule remoteControlNeedsNoToolkit = noClasses().that()
            .resideInAnyPackage("dev.lifeline.client.control..", "dev.lifeline.client.nativeinput..", "dev.lifeline.client.laser..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the customer's input handling runs in headless Get Help too and is tested without a toolkit");

    @ArchTest
    static final ArchRule onlyNativeInputHooksTheDesktop = noClasses().that()
            .resideOutsideOfPackage("dev.lifeline.client.nativeinput..")
            .should().dependOnClassesThat().resideInAnyPackage("com.github.kwhat.jnativehook..")
            .because("one package owns the global input hook and says where it cannot run");

    @ArchTest
    static final ArchRule onlyTheInjectorAndCaptureUseRobot = noClasses().that()
            .doNotHaveFullyQualifiedName("dev.lifeline.client.control.RobotInputInjector")
            .and().doNotHaveFullyQualifiedName("dev.lifeline.client.capture.RobotScreenSource")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.awt.Robot")
            .because("input reaches the customer's desktop only through the checked path of remote control");

    @ArchTest
    static final ArchRule teamScreensStandAlone = noClasses().that()
            .resideInAnyPackage("dev.lifeline.client.signin..", "dev.lifeline.client.queue..", "dev.lifeline.client.admin..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.lifeline.client.console..", "dev.lifeline.client.session..",
                    "dev.lifeline.client.connection..")
            .because("sign-in, queue and accounts screens talk to the team server only through client.team; the Console places them");

    @ArchTest
    static final ArchRule onlyTheDemoEmbedsTheRelay = noClasses().that()
            .haveNameNotMatching("dev\\.lifeline\\.client\\.launch\\.Demo(Command|Team)(\\$.*)?")
            .and().resideInAPackage("dev.lifeline.client..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.lifeline.relay..", "org.h2..", "org.flywaydb..",
                    "org.postgresql..", "com.zaxxer..")
            .because("the Get Help and Console packages leave the relay and its database stack out (installer ClientPackages)");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.lifeline.client.(*)..").should().beFreeOfCycles();
}
