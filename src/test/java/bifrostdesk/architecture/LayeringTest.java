package bifrostdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the domain and the network layer free of JavaFX, and view-models free of controls. */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("bifrostdesk");
    }

    @Test
    void domainModelHasNoJavaFx() {
        noClasses().that().resideInAPackage("bifrostdesk.virtualkey.model..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
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
}
