package bifrostdesk.virtualkey.tree;

import bifrostdesk.virtualkey.model.NodeKind;
import java.util.List;

/**
 * One node of a virtual key's tree, as plain data (no JavaFX) so it can be built and compared off the UI thread.
 *
 * @param path          stable path, the same as {@code Violation.path()}: "" for the key, "provider_configs/2/budgets/0"…
 * @param usageFraction budget usage as a fraction of its limit for budget nodes, {@code NaN} otherwise
 * @param changed       this node's own settings differ from the server copy (or the node is new)
 */
public record TreeNode(NodeKind kind, String path, String label, String detail, double usageFraction,
                       boolean changed, List<TreeNode> children) {
    public TreeNode {
        children = List.copyOf(children);
    }

    /** Depth-first search by path. */
    public TreeNode find(String p) {
        if (path.equals(p)) {
            return this;
        }
        for (TreeNode c : children) {
            if (p.startsWith(c.path())) {
                TreeNode f = c.find(p);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }
}
