package bifrostdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the domain and the network layer free of JavaFX, view-models free of controls, node paths and fields in the
 * domain, and the packages free of dependency cycles.
 */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("bifrostdesk");
    }

    @Test
    void domainModelHasNoJavaFx() {
        noClasses().that().resideInAnyPackage("bifrostdesk.virtualkey.model..", "bifrostdesk.virtualkey.edit..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void theEditsBuildOnTheModelAlone() {
        // no JavaFX, no HTTP, no JSON, no drafts: pure functions over the records they edit
        classes().that().resideInAPackage("bifrostdesk.virtualkey.edit..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("bifrostdesk.virtualkey.edit..",
                        "bifrostdesk.virtualkey.model..", "java..")
                .check(classes);
    }

    @Test
    void nodePathsAndFieldsComeFromTheDomainNotTheEditor() {
        // the merge, the budget review and the shared UI bits address nodes through virtualkey.model
        noClasses().that().resideInAnyPackage("bifrostdesk.drafts.merge..", "bifrostdesk.budgets..",
                        "bifrostdesk.common..", "bifrostdesk.virtualkey.model..", "bifrostdesk.virtualkey.edit..")
                .should().dependOnClassesThat().resideInAnyPackage("bifrostdesk.virtualkey.tree..",
                        "bifrostdesk.virtualkey.forms..")
                .check(classes);
    }

    @Test
    void packagesAreFreeOfCycles() {
        // one slice per package (bifrostdesk.virtualkey.model, bifrostdesk.drafts.merge, …), not per top level
        slices().matching("bifrostdesk.(**)..").should().beFreeOfCycles()
                .check(classes);
    }

    @Test
    void theDomainDoesNotDependOnTheNetworkLayer() {
        noClasses().that().resideInAPackage("bifrostdesk.virtualkey.model..")
                .should().dependOnClassesThat().resideInAnyPackage("bifrostdesk.virtualkey.api..",
                        "bifrostdesk.sandbox..", "bifrostdesk.drafts..", "okhttp3..", "com.fasterxml..")
                .check(classes);
    }

    @Test
    void apiAndSandboxHaveNoJavaFx() {
        // connection.ui holds the connection's screens and session; the rest of connection runs in the CLI too
        noClasses().that().resideInAnyPackage("bifrostdesk.virtualkey.api..", "bifrostdesk.sandbox..",
                        "bifrostdesk.connection", "bifrostdesk.connection.lock..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void domainDoesNotReachUpIntoTheApp() {
        noClasses().that().resideInAnyPackage("bifrostdesk.virtualkey.model..", "bifrostdesk.virtualkey.api..")
                .should().dependOnClassesThat().resideInAnyPackage("bifrostdesk.app..", "bifrostdesk.virtualkey.tree..",
                        "bifrostdesk.virtualkey.forms..")
                .check(classes);
    }

    @Test
    void viewModelsHaveNoControls() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void nothingOutsideTheAppDependsOnIt() {
        // app is the composition root and the shell: features below it never reach up (no app <-> cli cycle)
        noClasses().that().resideOutsideOfPackage("bifrostdesk.app..")
                .should().dependOnClassesThat().resideInAPackage("bifrostdesk.app..")
                .check(classes);
    }

    @Test
    void theWindowsPartsHaveNoControlsAndStartNoThreads() {
        // the parts of the main window's model are named for their job, not "…ViewModel": name them here
        noClasses().that().haveNameMatching("bifrostdesk\\.(app\\.MainViewModel|connection\\.ui\\.ConnectionSession"
                        + "|drafts\\.ui\\.DraftBook|virtualkey\\.list\\.KeyCommands|virtualkey\\.tree\\.EditorValidator)"
                        + "(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..", "javafx.concurrent..", "org.controlsfx..")
                .check(classes);
    }
}
