package bifrostdesk.virtualkey.tree;

import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.Optional;
import java.util.Set;

/**
 * What the editor lets the user change, node by node. The forms disable what is read-only and say why; the
 * view-model ignores edits there, so a read-only value cannot change through a menu or a shortcut either.
 * An access-profile-managed key (REFERENCE-v2.md §11.13) keeps only its name and description; everything else,
 * v2 nodes included, is editable. What a server cannot store at all is not shown (see {@code V2Support}).
 */
public final class Editability {
    /** The fields of the key node an access-profile-managed key may still change. */
    public static final Set<Field> ACCESS_PROFILE_EDITABLE = Set.of(Field.NAME, Field.DESCRIPTION);

    private Editability() {
    }

    /**
     * Why the node at {@code path} is read-only, or empty when it is editable. For an access-profile-managed key
     * the key node itself has a reason too, though its name and description stay editable
     * ({@link #canEdit(VirtualKey, String, Field)}).
     */
    public static Optional<String> readOnlyReason(VirtualKey vk, String path) {
        if (vk == null) {
            return Optional.of("No key is open.");
        }
        if (vk.isAccessProfileManaged()) {
            return Optional.of(V2Text.ACCESS_PROFILE);
        }
        try {
            NodePath.parse(path);
        } catch (RuntimeException e) {
            return Optional.of("Unknown node.");
        }
        return Optional.empty();
    }

    /** Whether {@code field} of the node at {@code path} may be changed ({@code field} may be null: the node). */
    public static boolean canEdit(VirtualKey vk, String path, Field field) {
        if (vk != null && vk.isAccessProfileManaged() && path.isEmpty()) {
            return field != null && ACCESS_PROFILE_EDITABLE.contains(field);
        }
        return readOnlyReason(vk, path).isEmpty();
    }
}
