package bifrostdesk.virtualkey.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One HTTP request a save will send.
 *
 * @param method  {@code POST}, {@code PUT} or {@code DELETE}
 * @param path    e.g. {@code /api/governance/virtual-keys/<id>}
 * @param body    exact JSON body, {@code null} for none
 * @param purpose why this request exists, in plain words (shown in the plan)
 */
public record PlannedRequest(String method, String path, JsonNode body, String purpose) {
}
