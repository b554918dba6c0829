package bifrostdesk.virtualkey.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The 80 % / 100 % thresholds every usage bar and "near the limit" filter share. */
class UsageLevelTest {

    @Test
    void belowEightyPercentIsOk() {
        assertThat(UsageLevel.of(0)).isEqualTo(UsageLevel.OK);
        assertThat(UsageLevel.of(0.799)).isEqualTo(UsageLevel.OK);
        assertThat(UsageLevel.of(-0.5)).isEqualTo(UsageLevel.OK);
    }

    @Test
    void fromEightyPercentUpToTheLimitIsNear() {
        assertThat(UsageLevel.of(0.8)).isEqualTo(UsageLevel.NEAR);
        assertThat(UsageLevel.of(0.999)).isEqualTo(UsageLevel.NEAR);
    }

    @Test
    void atOrOverTheLimitIsOver() {
        assertThat(UsageLevel.of(1.0)).isEqualTo(UsageLevel.OVER);
        assertThat(UsageLevel.of(3.5)).isEqualTo(UsageLevel.OVER);
        assertThat(UsageLevel.of(Double.POSITIVE_INFINITY)).isEqualTo(UsageLevel.OVER);
    }

    @Test
    void notANumberIsUnknownAndNeverCountsAsNearOrOver() {
        assertThat(UsageLevel.of(Double.NaN)).isEqualTo(UsageLevel.UNKNOWN);
        assertThat(UsageLevel.UNKNOWN.atLeast(UsageLevel.OK)).isFalse();
        assertThat(UsageLevel.NEAR.atLeast(UsageLevel.NEAR)).isTrue();
        assertThat(UsageLevel.OVER.atLeast(UsageLevel.NEAR)).isTrue();
        assertThat(UsageLevel.OK.atLeast(UsageLevel.NEAR)).isFalse();
    }
}
