package bifrostdesk.virtualkey.edit;

import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.Field;
import bifrostdesk.virtualkey.model.FieldKey;
import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RateLimit;
import bifrostdesk.virtualkey.model.VirtualKey;

/** How a model value appears in its text field: the way back of {@link KeyEdits#setField}. */
public final class FieldText {
    private FieldText() {
    }

    /** The text of field {@code key} in {@code vk}; {@code ""} for a field without text or a node that is gone. */
    public static String of(VirtualKey vk, FieldKey key) {
        NodePath p = key.node();
        Field field = key.field();
        switch (p.kind()) {
            case KEY:
                return switch (field) {
                    case NAME -> nz(vk.name());
                    case DESCRIPTION -> nz(vk.description());
                    case ACTIVE -> String.valueOf(vk.active());
                    case EXPIRES_AT -> vk.expiresAt() == null ? "" : vk.expiresAt().toString();
                    default -> "";
                };
            case BUDGET: {
                var list = KeyEdits.budgetsOf(vk, p.ownerPath());
                if (p.budgetIndex() >= list.size()) {
                    return "";
                }
                Budget b = list.get(p.budgetIndex());
                return field == Field.MAX_LIMIT ? number(b.maxLimit()) : nz(b.resetDuration());
            }
            case RATE_LIMIT: {
                RateLimit rl = KeyEdits.rateLimitOf(vk, p);
                if (rl == null) {
                    return "";
                }
                return switch (field) {
                    case TOKEN_MAX_LIMIT -> rl.tokenMaxLimit() == null ? "" : rl.tokenMaxLimit().toString();
                    case TOKEN_RESET_DURATION -> nz(rl.tokenResetDuration());
                    case REQUEST_MAX_LIMIT -> rl.requestMaxLimit() == null ? "" : rl.requestMaxLimit().toString();
                    case REQUEST_RESET_DURATION -> nz(rl.requestResetDuration());
                    default -> "";
                };
            }
            case PROVIDER_CONFIG: {
                if (p.providerIndex() >= vk.providerConfigs().size()) {
                    return "";
                }
                ProviderConfig pc = vk.providerConfigs().get(p.providerIndex());
                return field == Field.PROVIDER ? nz(pc.provider()) : number(pc.weight());
            }
            default:
                return "";
        }
    }

    static String number(Double d) {
        if (d == null) {
            return "";
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.valueOf(d);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
