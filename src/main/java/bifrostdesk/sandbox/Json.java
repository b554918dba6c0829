package bifrostdesk.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Jackson helpers shared by the sandbox. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode obj() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode arr(Collection<String> values) {
        ArrayNode a = MAPPER.createArrayNode();
        values.forEach(a::add);
        return a;
    }

    static String time(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t);
    }

    /** A field that is present and not JSON null. */
    static boolean given(JsonNode n, String field) {
        return n != null && n.has(field) && !n.get(field).isNull();
    }

    /** Text of a present, non-null field, else null. */
    static String text(JsonNode n, String field) {
        return given(n, field) ? n.get(field).asText() : null;
    }

    /** A string list from a present array field, else null. */
    static List<String> strings(JsonNode n, String field) {
        if (!given(n, field) || !n.get(field).isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        n.get(field).forEach(e -> out.add(e.asText()));
        return out;
    }

    /** Reason text of an HTTP status, for injected failures. */
    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP " + status;
        };
    }
}
