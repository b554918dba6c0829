package bifrostdesk.virtualkey.list;

import bifrostdesk.common.csv.Csv;
import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The key list as CSV (never with key values): one row per key, with owner names and the worst budget. */
public final class KeyListCsv {
    public static final List<String> HEADER = List.of("name", "id", "active", "team", "customer", "providers",
            "provider_configs", "max_budget_used_percent", "config_managed", "created_at", "updated_at");

    private KeyListCsv() {
    }

    public static String toCsv(List<VirtualKey> keys, Map<String, String> ownerNames) {
        StringWriter w = new StringWriter();
        try {
            write(keys, ownerNames, w);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString();
    }

    public static void write(List<VirtualKey> keys, Map<String, String> ownerNames, Writer w) throws IOException {
        Csv.line(w, HEADER);
        for (VirtualKey k : keys) {
            Csv.line(w, List.of(Csv.text(k.name()), Csv.text(k.id()), Boolean.toString(k.active()),
                    Csv.text(name(k.teamId(), ownerNames)), Csv.text(name(k.customerId(), ownerNames)),
                    Csv.text(k.providerConfigs().stream().map(ProviderConfig::provider).distinct()
                            .collect(Collectors.joining(" "))),
                    Integer.toString(k.providerConfigs().size()),
                    String.format(Locale.ROOT, "%.1f", k.maxBudgetFraction() * 100),
                    Boolean.toString(k.isConfigManaged()),
                    k.createdAt() == null ? "" : k.createdAt().toString(),
                    k.updatedAt() == null ? "" : k.updatedAt().toString()));
        }
    }

    private static String name(String id, Map<String, String> names) {
        return id == null ? null : names.getOrDefault(id, id);
    }
}
