package bifrostdesk.app;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * {@code --startup-probe}: measures start-up for the benchmark suite (docs/benchmarks.md). Once the main window has
 * been shown and its first frame rendered, prints {@code startup-ms=<millis since JVM start>} and exits.
 * <p>
 * "First frame rendered" = the second animation pulse after {@code stage.show()}: a pulse lays out and hands the
 * scene to the render thread, and the next pulse waits for that render to finish. The benchmarks' minimal JavaFX
 * window uses this same class, so both sides are measured identically.
 */
public final class StartupProbe {
    public static final String OPTION = "--startup-probe";
    private static volatile boolean enabled;

    private StartupProbe() {
    }

    /** Removes {@link #OPTION} from the arguments and remembers whether it was there. */
    public static String[] strip(String[] args) {
        List<String> rest = new ArrayList<>(args.length);
        for (String a : args) {
            if (OPTION.equals(a)) {
                enabled = true;
            } else {
                rest.add(a);
            }
        }
        return rest.toArray(String[]::new);
    }

    public static boolean enabled() {
        return enabled;
    }

    public static void enable() {
        enabled = true;
    }

    /** Call on the FX thread right after the first window is shown; does nothing without the option. */
    public static void windowShown() {
        afterFirstFrame("startup-ms", true);
    }

    /**
     * The app's variant: its window shows at once and fills in progressively. Prints {@code startup-ms} for the
     * window's first frame and goes on; {@link #readyShown()} then prints {@code ready-ms} and exits.
     */
    public static void windowShownFillingIn() {
        afterFirstFrame("startup-ms", false);
    }

    /** The complete main window (toolbar, list, editor) has rendered its first frame: print and exit. */
    public static void readyShown() {
        afterFirstFrame("ready-ms", true);
    }

    private static void afterFirstFrame(String label, boolean exit) {
        if (!enabled) {
            return;
        }
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < 2) {
                    return;
                }
                stop();
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println(label + "=" + ms);
                System.out.flush();
                if (exit) {
                    Platform.exit();
                    System.exit(0);
                }
            }
        }.start();
    }
}
