package bifrostdesk.virtualkey.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;

/**
 * What a save will do: the requests in order, the changes they make on the server in plain words, and the
 * reasons it cannot be done on this dialect (then nothing may be sent).
 *
 * @param requests requests to send in order; empty when there is nothing to change or the plan is refused
 * @param changes  sentences such as "deletes provider config 12 (openai) and its 1d budget with $41.20 used"
 * @param refusals why the edit cannot be saved on this server as it is; empty when it can
 */
public record SavePlan(List<PlannedRequest> requests, List<String> changes, List<String> refusals) {
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public SavePlan {
        requests = List.copyOf(requests);
        changes = List.copyOf(changes);
        refusals = List.copyOf(refusals);
    }

    public boolean isRefused() {
        return !refusals.isEmpty();
    }

    public boolean isEmpty() {
        return requests.isEmpty();
    }

    /** The exact requests as text: method, path and pretty JSON body of each. */
    public String json() {
        StringBuilder sb = new StringBuilder();
        for (PlannedRequest r : requests) {
            sb.append(r.method()).append(' ').append(r.path()).append('\n');
            if (r.body() != null) {
                try {
                    sb.append(PRETTY.writeValueAsString(r.body())).append('\n');
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            sb.append('\n');
        }
        return sb.toString().trim();
    }
}
