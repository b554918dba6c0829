package bifrostdesk.connection;

import java.util.Optional;

/** Where profile secrets (passwords, session tokens) are kept. Never a plain file. */
public interface CredentialStore {
    Optional<String> read(String profile);

    void write(String profile, String secret);

    void delete(String profile);

    /** True for the OS keychain; false when secrets live in memory for this session only. */
    boolean persistent();

    /** A sentence for the user about where their password is kept. */
    String describe();
}
