package bifrostdesk.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One app per data folder: a second launch brings the running window to the front instead of opening a second
 * window on the same workspaces (two autosavers writing the same drafts would overwrite each other's edits).
 * <p>
 * The first instance holds an OS lock on {@code instance.lock} in the data folder for as long as it runs (the OS
 * drops it when the process dies, so a crash leaves nothing stale) and listens on a loopback port, which it writes
 * with a random token to {@code instance.port}. A later launch that finds the lock taken connects to that port and
 * sends the token; the first instance answers and raises its window. The token keeps other local programs from
 * poking the window; the port is bound to 127.0.0.1 only.
 * <p>
 * No JavaFX here: the check runs before the toolkit starts, so a second launch exits in a fraction of a second.
 */
public final class SingleInstance implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SingleInstance.class.getName());
    static final String LOCK_FILE = "instance.lock";
    static final String PORT_FILE = "instance.port";
    private static final String ACTIVATE = "activate";
    private static final String OK = "ok";

    private final FileChannel channel;
    private final FileLock lock;
    private final ServerSocket server;
    private final String token;
    private volatile Runnable onActivate = () -> { };

    private SingleInstance(FileChannel channel, FileLock lock, ServerSocket server, String token) {
        this.channel = channel;
        this.lock = lock;
        this.server = server;
        this.token = token;
    }

    /** What {@link #claim} found. */
    public sealed interface Claim permits First, Running {
    }

    /** This process is the only one on the folder; keep the handle open for the app's life. */
    public record First(SingleInstance instance) implements Claim {
    }

    /** Another process runs on the folder; {@code raised} says whether it acknowledged bringing its window up. */
    public record Running(boolean raised) implements Claim {
    }

    /**
     * Claims {@code dataDir} for this process, or asks the process that holds it to raise its window. Waits up to
     * {@code patience} milliseconds for a just-started first instance to open its port.
     */
    public static Claim claim(Path dataDir, long patience) throws IOException {
        Files.createDirectories(dataDir);
        FileChannel ch = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this same JVM (tests run two "instances" in one process)
        }
        if (lock == null) {
            ch.close();
            return new Running(signal(dataDir, patience));
        }
        try {
            ServerSocket server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            String token = HexFormat.of().formatHex(random);
            // written after binding: a second launch that reads the file finds someone listening
            bifrostdesk.drafts.AtomicFiles.write(dataDir.resolve(PORT_FILE),
                    (server.getLocalPort() + " " + token + "\n").getBytes(StandardCharsets.UTF_8));
            SingleInstance instance = new SingleInstance(ch, lock, server, token);
            Thread t = new Thread(instance::serve, "single-instance");
            t.setDaemon(true);
            t.start();
            return new First(instance);
        } catch (IOException | RuntimeException e) {
            lock.release();
            ch.close();
            throw e;
        }
    }

    /**
     * For the app's start: claims {@code data}, or, when another app runs there, asks it to raise its window and
     * ends this process (status 0 when it did, 1 when it did not answer). Null when the folder cannot be locked at
     * all (read-only, odd file system): the app then runs without the check.
     */
    static SingleInstance claimOrExit(Path data) {
        try {
            Claim claim = claim(data, 10_000);
            if (claim instanceof First first) {
                return first.instance();
            }
            if (((Running) claim).raised()) {
                System.out.println("Bifrost Desk is already running with the data folder " + data
                        + "; its window was brought to the front.");
                System.exit(0);
            }
            System.err.println("Another Bifrost Desk holds the data folder " + data + " but does not answer. Close it, "
                    + "or start this one with BIFROST_DESK_HOME set to another folder.");
            System.exit(1);
            return null;
        } catch (IOException e) {
            System.err.println("Could not check for a running Bifrost Desk (" + e.getMessage() + "); starting anyway.");
            return null;
        }
    }

    /** Runs {@code action} (on the listener thread) each time a later launch asks for the window. */
    public void onActivate(Runnable action) {
        this.onActivate = action;
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(2000);
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                String line = in.readLine();
                if (line != null && line.equals(token + " " + ACTIVATE)) {
                    onActivate.run();
                    Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8);
                    out.write(OK + "\n");
                    out.flush();
                }
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.log(Level.FINE, "A launch signal could not be read", e);
                }
            }
        }
    }

    private static boolean signal(Path dataDir, long patience) {
        long until = System.nanoTime() + patience * 1_000_000L;
        do {
            Optional<String[]> portAndToken = readPort(dataDir);
            if (portAndToken.isPresent()) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                            Integer.parseInt(portAndToken.get()[0])), 1000);
                    s.setSoTimeout(5000);
                    Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8);
                    out.write(portAndToken.get()[1] + " " + ACTIVATE + "\n");
                    out.flush();
                    String answer = new BufferedReader(new InputStreamReader(s.getInputStream(),
                            StandardCharsets.UTF_8)).readLine();
                    if (OK.equals(answer)) {
                        return true;
                    }
                } catch (IOException | NumberFormatException e) {
                    // the first instance is still starting (old port file) or just quitting: try again
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        } while (System.nanoTime() < until);
        return false;
    }

    private static Optional<String[]> readPort(Path dataDir) {
        try {
            String[] parts = Files.readString(dataDir.resolve(PORT_FILE), StandardCharsets.UTF_8).trim().split(" ");
            return parts.length == 2 ? Optional.of(parts) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Stops listening and lets the next launch be the first. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the OS drops the lock with the process
        }
    }
}
