package bifrostdesk.sandbox;

import java.util.EnumSet;

/** The armed {@link CommitFault}s of one server. Thread-safe. */
final class CommitFaults {
    private final EnumSet<CommitFault> armed = EnumSet.noneOf(CommitFault.class);

    synchronized void arm(CommitFault f) {
        armed.add(f);
    }

    synchronized boolean armed(CommitFault f) {
        return armed.contains(f);
    }

    /** Disarms {@code f}; true when it was armed (the caller then answers its 500). */
    synchronized boolean take(CommitFault f) {
        return armed.remove(f);
    }
}
