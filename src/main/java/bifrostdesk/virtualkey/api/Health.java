package bifrostdesk.virtualkey.api;

import java.util.Map;

/** {@code GET /health}: {@code status} is "ok"; components such as {@code db_pings} → ok/disabled. */
public record Health(String status, Map<String, String> components) {
    public Health {
        components = Map.copyOf(components);
    }
}
