package bifrostdesk.testing;

import bifrostdesk.connection.CredentialStore;
import bifrostdesk.connection.MemoryCredentialStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;

/**
 * A credential store that stands for the OS keychain, whose calls may block: reading, writing or deleting where the
 * UI would freeze fails the call and is recorded in {@link #misuses}. {@link #offTheFxThread()} guards the real FX
 * thread (window tests); {@link #insideTasksOnly()} guards everything outside a {@link TaskMarkingRunner} task
 * (view-model tests without the FX thread). {@link #refuseWrites} stands for a keychain that says no.
 */
public final class GuardedCredentialStore implements CredentialStore {
    /** Every call made where it must not be, by operation and profile. */
    public final List<String> misuses = new CopyOnWriteArrayList<>();
    /** Every call made, by operation and profile. */
    public final List<String> calls = new CopyOnWriteArrayList<>();
    public volatile boolean refuseWrites;
    private final CredentialStore inner = new MemoryCredentialStore("tests");
    private final BooleanSupplier onUiThread;

    private GuardedCredentialStore(BooleanSupplier onUiThread) {
        this.onUiThread = onUiThread;
    }

    public static GuardedCredentialStore offTheFxThread() {
        return new GuardedCredentialStore(Platform::isFxApplicationThread);
    }

    public static GuardedCredentialStore insideTasksOnly() {
        return new GuardedCredentialStore(() -> !TaskMarkingRunner.inWork());
    }

    private void check(String what) {
        calls.add(what);
        if (onUiThread.getAsBoolean()) {
            misuses.add(what + " on " + Thread.currentThread().getName());
            throw new AssertionError("keychain call on the UI thread: " + what);
        }
    }

    @Override
    public Optional<String> read(String profile) {
        check("read " + profile);
        return inner.read(profile);
    }

    @Override
    public void write(String profile, String secret) {
        check("write " + profile);
        if (refuseWrites) {
            throw new IllegalStateException("The keychain refused to store the password: locked");
        }
        inner.write(profile, secret);
    }

    @Override
    public void delete(String profile) {
        check("delete " + profile);
        inner.delete(profile);
    }

    @Override
    public boolean persistent() {
        return inner.persistent();
    }

    @Override
    public String describe() {
        return inner.describe();
    }
}
