package bifrostdesk.virtualkey.forms;

import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.FieldKey;
import bifrostdesk.virtualkey.model.KeyRef;
import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.model.ProviderConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Which of the provider's keys the config may use: all (now and future) or a chosen set. */
final class KeysForm extends FormPane {
    private final CheckBox all = new CheckBox("All keys of this provider, now and future");
    private final VBox list = new VBox(4);
    private final Label message = new Label();
    private boolean updating;

    KeysForm(FormContext ctx, String path) {
        super(ctx, path, "Keys");
        all.setId("allKeys");
        all.setOnAction(e -> ctx.vm().setKeys(index(), all.isSelected(), all.isSelected() ? List.of() : current().keys()));
        list.setId("keyChecklist");
        message.setId("keysMessage");
        root.getChildren().addAll(all, list, message);
        refresh();
    }

    private int index() {
        return NodePath.parse(path).providerIndex();
    }

    private ProviderConfig current() {
        return ctx.vm().editedProperty().get().providerConfigs().get(index());
    }

    @Override
    public void refresh() {
        super.refresh();
        if (index() >= ctx.vm().editedProperty().get().providerConfigs().size() || updating) {
            return;
        }
        ProviderConfig pc = current();
        all.setSelected(pc.allowAllKeys());
        all.setDisable(readOnly());
        Map<String, KeyRef> choices = new LinkedHashMap<>();
        for (Lookups.ProviderKey k : ctx.lookups().get().keys()) {
            if (k.provider().equals(pc.provider())) {
                choices.put(k.keyId(), new KeyRef(k.keyId(), k.name()));
            }
        }
        pc.keys().forEach(k -> choices.putIfAbsent(k.keyId(), k));
        list.getChildren().clear();
        if (choices.isEmpty()) {
            list.getChildren().add(new Label("The server lists no keys for " + pc.provider() + "."));
        }
        for (KeyRef k : choices.values()) {
            CheckBox cb = new CheckBox(k.label());
            cb.setId("key-" + k.keyId());
            cb.setAccessibleText("Allow key " + k.label());
            cb.setSelected(pc.allowAllKeys() || pc.keys().stream().anyMatch(r -> r.keyId().equals(k.keyId())));
            cb.setDisable(pc.allowAllKeys() || readOnly());
            cb.setOnAction(e -> {
                List<KeyRef> next = new ArrayList<>(current().keys());
                next.removeIf(r -> r.keyId().equals(k.keyId()));
                if (cb.isSelected()) {
                    next.add(k);
                }
                updating = true;
                ctx.vm().setKeys(index(), false, next);
                updating = false;
                refresh();
            });
            list.getChildren().add(cb);
        }
        FieldBinding.decorate(all, message, ctx.vm().problemAt(FieldKey.of(path, Field.KEYS)));
    }
}
