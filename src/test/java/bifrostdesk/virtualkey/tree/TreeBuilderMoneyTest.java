package bifrostdesk.virtualkey.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The fast money format (Money, used by the tree) is exactly {@code String.format(Locale.ROOT, "$%,.2f", v)}. */
class TreeBuilderMoneyTest {
    private static String reference(double v) {
        return String.format(Locale.ROOT, "$%,.2f", v);
    }

    @Property(tries = 2000)
    void equalsFormatterForAnyDouble(@ForAll double v) {
        assertThat(bifrostdesk.virtualkey.model.Money.format(v)).isEqualTo(reference(v));
    }

    @Test
    void equalsFormatterOnCentsHalfwaysAndEdges() {
        double[] fixed = {0, -0.0, 0.005, 0.015, 0.125, 1.005, 2.675, 999.995, 999_999.995, 1234567.891, 0.1 + 0.2,
            1e-7, 5e-3, 99.5, 1e14 + 0.125, 1e15, 1e20, -1.005, Double.NaN, Double.POSITIVE_INFINITY,
            Double.MIN_VALUE, Double.MAX_VALUE};
        for (double v : fixed) {
            assertThat(bifrostdesk.virtualkey.model.Money.format(v)).as("%s", v).isEqualTo(reference(v));
        }
        Random r = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 4) {
                case 0 -> r.nextInt(10_000_000) / 1000.0;      // x.xxx, many halfway cents
                case 1 -> r.nextDouble() * 1000;
                case 2 -> r.nextInt(100_000) * 0.005;
                default -> Math.pow(10, r.nextInt(16)) * r.nextDouble();
            };
            assertThat(bifrostdesk.virtualkey.model.Money.format(v)).as("%s", v).isEqualTo(reference(v));
        }
    }
}
