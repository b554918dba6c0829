package bifrostdesk.virtualkey.tree;

import bifrostdesk.virtualkey.model.Budget;
import bifrostdesk.virtualkey.model.NodePath;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.RateLimit;
import bifrostdesk.virtualkey.model.VirtualKey;

/** How a model value appears in its text field. */
final class FieldText {
    private FieldText() {
    }

    static String of(VirtualKey vk, String path, String field) {
        NodePath p = NodePath.parse(path);
        switch (p.kind()) {
            case KEY:
                return switch (field) {
                    case "name" -> nz(vk.name());
                    case "description" -> nz(vk.description());
                    case "active" -> String.valueOf(vk.active());
                    case "expires_at" -> vk.expiresAt() == null ? "" : vk.expiresAt().toString();
                    default -> "";
                };
            case BUDGET: {
                var list = KeyEdits.budgetsOf(vk, p.ownerPath());
                if (p.budgetIndex() >= list.size()) {
                    return "";
                }
                Budget b = list.get(p.budgetIndex());
                return field.equals("max_limit") ? number(b.maxLimit()) : nz(b.resetDuration());
            }
            case RATE_LIMIT: {
                RateLimit rl = KeyEdits.rateLimitOf(vk, p);
                if (rl == null) {
                    return "";
                }
                return switch (field) {
                    case "token_max_limit" -> rl.tokenMaxLimit() == null ? "" : rl.tokenMaxLimit().toString();
                    case "token_reset_duration" -> nz(rl.tokenResetDuration());
                    case "request_max_limit" -> rl.requestMaxLimit() == null ? "" : rl.requestMaxLimit().toString();
                    case "request_reset_duration" -> nz(rl.requestResetDuration());
                    default -> "";
                };
            }
            case PROVIDER_CONFIG: {
                if (p.providerIndex() >= vk.providerConfigs().size()) {
                    return "";
                }
                ProviderConfig pc = vk.providerConfigs().get(p.providerIndex());
                return field.equals("provider") ? nz(pc.provider()) : number(pc.weight());
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
