package bifrostdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.virtualkey.model.VirtualKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The ids documented in docs/ui-ids.md exist in the real window, and each interactive one has accessible text. */
@ExtendWith(ApplicationExtension.class)
class UiIdsTest extends WindowTestBase {

    @Start
    void start(Stage stage) {
        openWindow(stage);
    }

    /** Node path → ids its form must show (from docs/ui-ids.md). */
    private static final Map<String, List<String>> FORMS = Map.of(
            "", List.of("keyName", "keyDescription", "keyActive", "keyOwner", "keyCalendarAligned", "keyValue",
                    "revealValue", "copyValue"),
            "budgets/0", List.of("budgetMaxLimit", "budgetResetDuration", "budgetUsage", "duplicateBudget", "removeBudget"),
            "rate_limit", List.of("tokenMaxLimit", "tokenResetDuration", "requestMaxLimit", "requestResetDuration",
                    "addRateLimit", "removeRateLimit"),
            "provider_configs", List.of("providerPicker", "addProviderConfig"),
            "provider_configs/0", List.of("providerName", "providerWeight", "duplicateProviderConfig", "removeProviderConfig"),
            "provider_configs/0/keys", List.of("allKeys", "keyChecklist"),
            "provider_configs/0/models", List.of("allModels", "modelChips", "modelEntry", "addModel"),
            "mcp_configs", List.of("mcpClientPicker", "addMcpConfig"),
            "mcp_configs/0", List.of("mcpClientName", "removeMcpConfig"),
            "mcp_configs/0/tools", List.of("allTools", "toolChecklist"));

    @Test
    void everyDocumentedIdIsInTheWindowWithAccessibleText(FxRobot robot) throws Exception {
        for (String id : List.of("mainWindow", "toolbar", "newKey", "saveKey", "undo", "redo", "deleteKey", "refresh",
                "toggleTheme", "keyTree", "nodeForm", "problems", "statusBar", "statusOnline", "statusServer",
                "statusVersion", "statusDialect", "statusDrafts", "statusMessage", "keySearch", "statusFilter",
                "budgetFilter", "ownerFilter", "sortBy", "sortDescending", "keyList", "keyCount")) {
            assertPresent(robot, id);
        }
        ListView<VirtualKey> list = robot.lookup("#keyList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 8 + bifrostdesk.sandbox.SeedDataV2.KEY_COUNT);
        robot.interact(() -> list.getSelectionModel().select(list.getItems().stream()
                .filter(v -> v.name().equals("checkout-service")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shell.viewModel().editor().editedProperty().get() != null);
        for (var e : FORMS.entrySet()) {
            robot.interact(() -> shell.viewModel().editor().selectedPathProperty().set(e.getKey()));
            WaitForAsyncUtils.waitForFxEvents();
            for (String id : e.getValue()) {
                assertPresent(robot, id);
            }
        }
    }

    @Test
    void theDocumentListsTheIdsTheTestChecks() throws Exception {
        String doc = Files.readString(Path.of("docs/ui-ids.md"));
        List<String> missing = new ArrayList<>();
        FORMS.values().forEach(ids -> ids.stream().filter(id -> !doc.contains("`" + id + "`")).forEach(missing::add));
        Matcher m = Pattern.compile("setId\\(\"([a-zA-Z]+)\"\\)").matcher(
                Files.readString(Path.of("src/main/java/bifrostdesk/app/MainWindow.java")));
        while (m.find()) {
            if (!doc.contains("`" + m.group(1) + "`")) {
                missing.add(m.group(1));
            }
        }
        assertThat(missing).isEmpty();
    }

    private static void assertPresent(FxRobot robot, String id) {
        Node n = robot.lookup("#" + id).tryQuery().orElse(null);
        assertThat(n).as("#" + id).isNotNull();
        if (n instanceof Control c && !(n instanceof javafx.scene.control.Label)
                && !(n instanceof javafx.scene.control.ScrollPane) && !(n instanceof javafx.scene.control.ToolBar)) {
            assertThat(c.getAccessibleText()).as("accessible text of #" + id).isNotBlank();
        }
    }
}
