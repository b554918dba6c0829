package bifrostdesk.cli;

import bifrostdesk.bulk.BudgetScope;
import bifrostdesk.bulk.BulkOperation;
import bifrostdesk.bulk.BulkOperations;
import bifrostdesk.bulk.LimitChange;
import bifrostdesk.virtualkey.model.Lookups;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The operation options of {@code bulk}: exactly one operation, turned into a {@link BulkOperation}. */
final class BulkOptions {
    static final Set<String> VALUED = Set.of("--budget", "--add-budget", "--remove-budget", "--scope",
            "--rate-limit", "--add-provider", "--remove-provider", "--only-models", "--add-models", "--models",
            "--weight", "--attach-mcp", "--detach-mcp", "--tools", "--owner", "--expires");
    static final Set<String> FLAGS = Set.of("--activate", "--deactivate", "--remove-rate-limit", "--clear-expiry",
            "--reset-usage", "--rotate", "--delete");
    private static final List<String> OPERATIONS = List.of("--activate", "--deactivate", "--budget", "--add-budget",
            "--remove-budget", "--rate-limit", "--remove-rate-limit", "--add-provider", "--remove-provider",
            "--only-models", "--add-models", "--attach-mcp", "--detach-mcp", "--owner", "--expires",
            "--clear-expiry", "--reset-usage", "--rotate", "--delete");

    private BulkOptions() {
    }

    static BulkOperation operation(CliArgs a, Lookups.Snapshot lookups) throws CliException {
        List<String> given = OPERATIONS.stream().filter(o -> a.flag(o) || a.value(o) != null).toList();
        if (given.size() != 1) {
            throw CliException.usage(given.isEmpty() ? "bulk needs an operation, e.g. --deactivate or --budget 1d=-20%"
                    : "bulk takes one operation at a time (got " + String.join(", ", given) + ")");
        }
        String op = given.get(0);
        String v = a.value(op);
        try {
            return switch (op) {
                case "--activate" -> BulkOperations.setActive(true);
                case "--deactivate" -> BulkOperations.setActive(false);
                case "--budget" -> BulkOperations.changeBudget(scope(a), before(v), LimitChange.parse(after(v)));
                case "--add-budget" -> BulkOperations.addBudget(scope(a), before(v),
                        LimitChange.parse(after(v)).value());
                case "--remove-budget" -> BulkOperations.removeBudget(scope(a), v);
                case "--rate-limit" -> rateLimit(a, v);
                case "--remove-rate-limit" -> BulkOperations.removeRateLimit(scope(a));
                case "--add-provider" -> BulkOperations.addProvider(v, list(a.value("--models"), "*"),
                        a.value("--weight") == null ? null : Double.parseDouble(a.value("--weight")));
                case "--remove-provider" -> BulkOperations.removeProvider(v);
                case "--only-models" -> BulkOperations.setModels(v, required(a, "--models"), false);
                case "--add-models" -> BulkOperations.setModels(v, required(a, "--models"), true);
                case "--attach-mcp" -> BulkOperations.attachMcp(v, list(a.value("--tools"), "*"));
                case "--detach-mcp" -> BulkOperations.detachMcp(v);
                case "--owner" -> owner(v, lookups);
                case "--expires" -> BulkOperations.setExpiry(instant(v));
                case "--clear-expiry" -> BulkOperations.setExpiry(null);
                case "--reset-usage" -> BulkOperations.resetUsage();
                case "--rotate" -> BulkOperations.rotate();
                case "--delete" -> BulkOperations.delete();
                default -> throw new IllegalStateException(op);
            };
        } catch (IllegalArgumentException e) {
            throw CliException.usage(op + ": " + e.getMessage());
        }
    }

    private static BudgetScope scope(CliArgs a) throws CliException {
        String s = a.value("--scope");
        if (s == null || s.equals("all")) {
            return BudgetScope.ALL;
        }
        if (s.equals("key")) {
            return BudgetScope.KEY;
        }
        if (s.equals("providers")) {
            return BudgetScope.PROVIDERS;
        }
        if (s.startsWith("provider:")) {
            return BudgetScope.provider(s.substring("provider:".length()));
        }
        throw CliException.usage("--scope is key, providers, provider:NAME or all (got " + s + ")");
    }

    private static String before(String v) {
        int eq = v.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("write DURATION=CHANGE, e.g. 1d=-20% or 1M=500");
        }
        return v.substring(0, eq);
    }

    private static String after(String v) {
        return v.substring(v.indexOf('=') + 1);
    }

    /** {@code 100000/1h}, {@code 100000/1h,500/1m} or {@code ,500/1m}: tokens, then requests. */
    private static BulkOperation rateLimit(CliArgs a, String v) throws CliException {
        String[] parts = v.split(",", -1);
        Long[] max = new Long[2];
        String[] dur = new String[2];
        for (int i = 0; i < Math.min(2, parts.length); i++) {
            String p = parts[i].trim();
            if (p.isEmpty()) {
                continue;
            }
            String[] md = p.split("/");
            if (md.length != 2 || !md[0].matches("\\d+")) {
                throw CliException.usage("--rate-limit is TOKENS/DURATION[,REQUESTS/DURATION], e.g. 100000/1h,500/1m");
            }
            max[i] = Long.parseLong(md[0]);
            dur[i] = md[1];
        }
        return BulkOperations.setRateLimit(scope(a), max[0], dur[0], max[1], dur[1]);
    }

    private static BulkOperation owner(String v, Lookups.Snapshot l) {
        if (v.equals("none")) {
            return BulkOperations.changeOwner(null, null, null, null);
        }
        int colon = v.indexOf(':');
        String kind = colon < 0 ? "" : v.substring(0, colon + 1);
        String who = v.substring(colon + 1);
        return switch (kind) {
            case "team:" -> {
                Lookups.Team t = l.teams().stream().filter(x -> x.id().equals(who) || x.name().equals(who))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("no team " + who));
                yield BulkOperations.changeOwner(t.id(), null, null, "team " + t.name());
            }
            case "customer:" -> {
                Lookups.Customer c = l.customers().stream().filter(x -> x.id().equals(who) || x.name().equals(who))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("no customer " + who));
                yield BulkOperations.changeOwner(null, c.id(), null, "customer " + c.name());
            }
            case "business-unit:" -> {
                Lookups.BusinessUnit b = l.businessUnits().stream().filter(x -> x.id().equals(who)
                        || x.name().equals(who)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no business unit " + who));
                yield BulkOperations.changeOwner(null, null, b.id(), "business unit " + b.name());
            }
            default -> throw new IllegalArgumentException("write team:NAME, customer:NAME, business-unit:NAME or none");
        };
    }

    private static Instant instant(String v) {
        if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return Instant.parse(v);
    }

    private static List<String> list(String v, String fallback) {
        return v == null ? List.of(fallback) : Arrays.stream(v.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> required(CliArgs a, String name) throws CliException {
        if (a.value(name) == null) {
            throw CliException.usage("this operation needs " + name + " a,b");
        }
        return list(a.value(name), "*");
    }
}
