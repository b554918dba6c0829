package bifrostdesk.bulk;

import java.time.Duration;
import java.util.Locale;

/**
 * Where a bulk send is: counts, rate and time left, for the progress bar and the command line.
 *
 * @param done    keys finished (any outcome)
 * @param total   keys to send
 * @param failed  keys that failed so far
 * @param elapsed time since the first key
 */
public record BulkProgress(int done, int total, int failed, Duration elapsed) {

    /** Keys per second so far; 0 before the first key is done. */
    public double rate() {
        double s = elapsed.toMillis() / 1000.0;
        return done == 0 || s <= 0 ? 0 : done / s;
    }

    /** The time left at the current rate, or {@code null} while there is no rate yet. */
    public Duration timeLeft() {
        double r = rate();
        return r <= 0 ? null : Duration.ofMillis(Math.round((total - done) / r * 1000));
    }

    /** "120 of 412 keys · 2 failed · 8.5 keys/s · about 35 s left". */
    public String words() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%,d of %,d keys", done, total));
        if (failed > 0) {
            sb.append(" · ").append(failed).append(" failed");
        }
        if (rate() > 0) {
            sb.append(String.format(Locale.ROOT, " · %.1f keys/s", rate()));
            long s = timeLeft().toSeconds();
            sb.append(" · about ").append(s < 60 ? s + " s" : s / 60 + " min " + s % 60 + " s").append(" left");
        }
        return sb.toString();
    }
}
