package bifrostdesk.virtualkey.forms;

import bifrostdesk.virtualkey.model.Lookups;
import bifrostdesk.virtualkey.model.VirtualKey;
import bifrostdesk.virtualkey.tree.V2Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The choices of the key form's owner picker: nobody, each team, each customer, each business unit where the server
 * has them, and the key's current owner as the server shows it (REFERENCE-v2.md §11.8): a business unit (by name,
 * else its id), or a team together with its parent customer, which some v2 builds show on a team-owned key; that is
 * one owner, not two.
 */
final class OwnerChoices {
    /** One choice; {@code businessUnitId} is set for a business unit (then team and customer are not). */
    record Owner(String teamId, String customerId, String businessUnitId, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    static final String NONE = "No owner";

    private final List<Owner> options = new ArrayList<>();
    private final Owner current;

    OwnerChoices(VirtualKey vk, Lookups.Snapshot l) {
        this(vk, l, false);
    }

    /** With {@code businessUnits}, the server's business units are offered too (v2 servers that have them). */
    OwnerChoices(VirtualKey vk, Lookups.Snapshot l, boolean businessUnits) {
        options.add(new Owner(null, null, null, NONE));
        l.teams().forEach(t -> options.add(new Owner(t.id(), null, null, "Team · " + t.name())));
        l.customers().forEach(c -> options.add(new Owner(null, c.id(), null, "Customer · " + c.name())));
        if (businessUnits) {
            l.businessUnits().forEach(b -> options.add(new Owner(null, null, b.id(), BUSINESS_UNIT + b.name())));
        }
        current = current(vk, l);
    }

    static final String BUSINESS_UNIT = "Business unit · ";

    List<Owner> options() {
        return options;
    }

    Owner current() {
        return current;
    }

    private Owner current(VirtualKey vk, Lookups.Snapshot l) {
        String bu = V2Text.businessUnit(vk);
        if (bu != null) {
            Owner listed = options.stream().filter(o -> vk.businessUnitId().equals(o.businessUnitId())).findFirst()
                    .orElse(null);
            if (listed != null) {
                return listed;
            }
            Owner o = new Owner(null, null, vk.businessUnitId(), BUSINESS_UNIT + bu);
            options.add(1, o);
            return o;
        }
        if (vk.teamId() != null && vk.customerId() != null) {
            Lookups.Team team = l.teams().stream().filter(t -> t.id().equals(vk.teamId())).findFirst().orElse(null);
            String custName = l.customers().stream().filter(c -> c.id().equals(vk.customerId()))
                    .map(Lookups.Customer::name).findFirst().orElse(vk.customerId());
            String teamName = team == null ? vk.teamId() : team.name();
            boolean parent = team != null && vk.customerId().equals(team.customerId());
            Owner o = new Owner(vk.teamId(), vk.customerId(), null, parent
                    ? "Team · " + teamName + " (of customer " + custName + ")"
                    : "Team · " + teamName + " and customer · " + custName);
            int at = team == null ? -1 : options.indexOf(new Owner(team.id(), null, null, "Team · " + team.name()));
            if (at >= 0) {
                options.set(at, o);
            } else {
                options.add(o);
            }
            return o;
        }
        return options.stream().filter(o -> o.businessUnitId() == null && Objects.equals(o.teamId(), vk.teamId())
                && Objects.equals(o.customerId(), vk.customerId())).findFirst().orElseGet(() -> {
                    Owner unknown = new Owner(vk.teamId(), vk.customerId(), null, vk.teamId() != null
                            ? "Team · " + vk.teamId() : "Customer · " + vk.customerId());
                    options.add(unknown);
                    return unknown;
                });
    }
}
