package bifrostdesk.bench;

import bifrostdesk.common.concurrent.DirectTaskRunner;
import bifrostdesk.common.ui.DialogService;
import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.FieldKey;
import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.model.RuleContext;
import bifrostdesk.virtualkey.model.VirtualKey;
import bifrostdesk.virtualkey.model.VirtualKeyRules;
import bifrostdesk.virtualkey.tree.EditorBackend;
import bifrostdesk.virtualkey.tree.VirtualKeyEditorViewModel;
import java.lang.reflect.Proxy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Context, no target of its own: one keystroke in the editor ({@code setField} → edit, full re-validation, tree
 * rebuild, as the editor does it today) on the 1,000-config key.
 */
@State(Scope.Benchmark)
public class EditorBench extends BenchDefaults {
    @Param({"1000"})
    public int pcs;
    private VirtualKeyEditorViewModel editor;
    private FieldKey weight;
    private int n;

    @Setup
    public void setUp() {
        VirtualKey vk = BenchData.router(pcs, Dialect.LATER);
        RuleContext ctx = new RuleContext(null, null, null, vk, Dialect.LATER);
        editor = new VirtualKeyEditorViewModel(stub(EditorBackend.class), new DirectTaskRunner(),
                stub(DialogService.class), k -> VirtualKeyRules.validate(k, ctx));
        editor.open(vk);
        weight = FieldKey.of(NodePath.provider(pcs / 2), Field.WEIGHT);
    }

    @Benchmark
    public Object setField() {
        editor.setField(weight, (++n & 1) == 0 ? "0.25" : "0.5");
        return editor.treeProperty().get();
    }

    @SuppressWarnings("unchecked")
    private static <T> T stub(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            if (m.isDefault()) {
                return java.lang.reflect.InvocationHandler.invokeDefault(p, m, a);
            }
            return m.getReturnType() == boolean.class ? false : null;
        });
    }
}
