package bifrostdesk.virtualkey.model;

/** The (enterprise) user a key is assigned to, as a GET shows it; any part may be {@code null}. */
public record AssignedUser(String id, String name, String email) {
    public String label() {
        if (name != null && !name.isBlank()) {
            return email == null || email.isBlank() ? name : name + " <" + email + ">";
        }
        return email != null && !email.isBlank() ? email : id;
    }
}
