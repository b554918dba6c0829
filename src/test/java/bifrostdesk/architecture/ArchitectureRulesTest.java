package bifrostdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules the architecture step added (docs/architecture.md): the drafts and the command line work without
 * JavaFX, view-models reach the FX thread only through the task runner, and only the composition root starts the
 * built-in sandbox. Every rule is active; none is frozen.
 */
class ArchitectureRulesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("bifrostdesk");
    }

    @Test
    void draftsMergeAndTheCommandLineHaveNoJavaFx() {
        // drafts.ui holds the merge and journal windows; the rest of drafts runs in the CLI too
        noClasses().that().resideInAnyPackage("bifrostdesk.drafts", "bifrostdesk.drafts.merge..", "bifrostdesk.cli..",
                        "bifrostdesk.common.csv..", "bifrostdesk.common.logging..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void viewModelsReachTheFxThreadOnlyThroughTheRunner() {
        // name-based rules miss anonymous and nested classes, so match the enclosing name too
        noClasses().that().haveNameMatching(".*ViewModel(\\$.*)?")
                .should().dependOnClassesThat().haveFullyQualifiedName("javafx.application.Platform")
                .check(classes);
    }

    @Test
    void onlyTheCompositionRootStartsTheSandbox() {
        noClasses().that().resideOutsideOfPackage("bifrostdesk.sandbox..")
                .and().doNotHaveFullyQualifiedName("bifrostdesk.app.DeskApp")
                .should().dependOnClassesThat().resideInAPackage("bifrostdesk.sandbox..")
                .check(classes);
    }
}
