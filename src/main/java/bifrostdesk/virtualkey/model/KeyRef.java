package bifrostdesk.virtualkey.model;

/**
 * A provider key a provider config may use.
 *
 * @param keyId the key's UUID (what {@code key_ids} carries)
 * @param name  display name, may be {@code null} when unknown
 */
public record KeyRef(String keyId, String name) {
    public String label() {
        return name == null || name.isBlank() ? keyId : name;
    }
}
