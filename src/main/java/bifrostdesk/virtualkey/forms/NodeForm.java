package bifrostdesk.virtualkey.forms;

import javafx.scene.Node;

/** A form for one node kind. Built when its node is selected; refreshed from the view-model on every change. */
interface NodeForm {
    Node node();

    void refresh();
}
