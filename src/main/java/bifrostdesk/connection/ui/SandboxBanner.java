package bifrostdesk.connection.ui;

import bifrostdesk.common.ui.Icons;
import bifrostdesk.common.ui.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * A slim line across the window on the built-in sandbox: the keys are demo data, and the way to one's own gateway
 * is one click away (the profile editor with its connection test). It only lays out.
 */
public final class SandboxBanner extends HBox {
    public SandboxBanner(Runnable connect) {
        super(8);
        setId("sandboxBanner");
        getStyleClass().addAll(Styles.BANNER_INFO, "sandbox-banner");
        setAlignment(Pos.CENTER_LEFT);
        Label text = new Label("These are demo keys from the built-in sandbox: nothing you change here reaches a "
                + "real gateway.", Icons.of(Icons.INFO));
        text.setId("sandboxBannerText");
        text.setWrapText(true);
        text.setMinWidth(0);
        Button go = new Button("Connect to your gateway…");
        go.setId("connectToGateway");
        go.setAccessibleText("Connect to your gateway: add a server profile and test the connection");
        go.setMinWidth(USE_PREF_SIZE);
        go.setOnAction(e -> connect.run());
        getChildren().addAll(text, go);
    }
}
