package bifrostdesk.app;

import bifrostdesk.drafts.DataDirs;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * About: the app's version (from the build), the connected server's version and dialect, where data and logs
 * live, the licence, links.
 */
final class AboutDialog {
    private AboutDialog() {
    }

    /** The version Maven wrote into the jar (version.properties is filtered at build time). */
    static String appVersion() {
        Properties p = new Properties();
        try (InputStream in = AboutDialog.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    static void show(Window owner, String server, String serverVersion, String dialect,
                     java.util.function.Consumer<String> openLink) {
        Alert a = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        a.initOwner(owner);
        a.setTitle("About Bifrost Desk");
        a.setHeaderText("Bifrost Desk " + appVersion());
        var icon = AboutDialog.class.getResourceAsStream("/bifrostdesk/app/icon-256.png");
        if (icon != null) {
            ImageView iv = new ImageView(new Image(icon, 64, 64, true, true));
            a.setGraphic(iv);
        }
        Label what = new Label("A desktop editor for the governance virtual keys of Bifrost, the open-source LLM "
                + "gateway.");
        what.setWrapText(true);
        Label conn = new Label("Connected to " + server + "\nBifrost " + serverVersion + " · API dialect " + dialect);
        conn.setId("aboutServer");
        Label licence = new Label("MIT licence. Java " + System.getProperty("java.version") + ", JavaFX "
                + System.getProperty("javafx.runtime.version", "21"));
        // an installed app's files are out of sight: say where the drafts, profiles and logs are
        Label folders = new Label("Your data (drafts, key cache, journal, profiles): " + DataDirs.data()
                + "\nLogs: " + DataDirs.logs());
        folders.setId("aboutFolders");
        folders.setWrapText(true);
        Hyperlink bifrost = new Hyperlink("Bifrost on GitHub");
        bifrost.setOnAction(e -> openLink.accept("https://github.com/maximhq/bifrost"));
        Hyperlink docs = new Hyperlink("Bifrost governance docs");
        docs.setOnAction(e -> openLink.accept("https://docs.getbifrost.ai/features/governance/virtual-keys"));
        VBox box = new VBox(8, what, conn, folders, licence, bifrost, docs);
        box.setPrefWidth(520);
        a.getDialogPane().setContent(box);
        a.getDialogPane().setId("aboutDialog");
        a.showAndWait();
    }
}
