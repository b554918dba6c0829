package bifrostdesk.budgets;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The budget review's pure logic has no JavaFX; its view-model no controls; only {@code budgets.ui} has views. */
class BudgetsLayeringTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("bifrostdesk.budgets");

    /** The views live in {@code budgets.ui}; next to the view-model, the feature's package is plain Java. */
    @Test
    void pureLogicHasNoJavaFx() {
        noClasses().that().resideInAPackage("bifrostdesk.budgets")
                .and().haveNameNotMatching("bifrostdesk\\.budgets\\.BudgetsViewModel.*")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(CLASSES);
    }

    @Test
    void logicAndViewModelDoNotKnowTheViews() {
        noClasses().that().resideInAPackage("bifrostdesk.budgets")
                .should().dependOnClassesThat().resideInAPackage("bifrostdesk.budgets.ui..")
                .check(CLASSES);
    }

    @Test
    void viewModelHasNoSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.application..")
                .check(CLASSES);
    }
}
