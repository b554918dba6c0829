package bifrostdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spend history's backbone (issue 14) stays usable from the command line and from worker threads: no JavaFX in
 * {@code bifrostdesk.spend}, and the API layer does not reach up into it.
 */
class SpendArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("bifrostdesk");
    }

    @Test
    void spendHasNoJavaFx() {
        noClasses().that().resideInAPackage("bifrostdesk.spend..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void theApiLayerDoesNotDependOnSpend() {
        noClasses().that().resideInAPackage("bifrostdesk.virtualkey.api..")
                .should().dependOnClassesThat().resideInAPackage("bifrostdesk.spend..")
                .check(classes);
    }

    @Test
    void spendDoesNotReachIntoTheAppOrTheSandbox() {
        noClasses().that().resideInAPackage("bifrostdesk.spend..")
                .should().dependOnClassesThat().resideInAnyPackage("bifrostdesk.app..", "bifrostdesk.sandbox..",
                        "bifrostdesk.cli..")
                .check(classes);
    }
}
