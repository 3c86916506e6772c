package footage.pipeline.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TruncationRuleTests {

    @Test
    void toleratesHalfASecondAtLowFrameRates() {
        // given: 10 fps, two frame intervals = 0.2 s < 0.5 s
        double frameInterval = 0.1;

        // when
        String withinTolerance = TruncationRule.shortfall(20.0, 19.5, frameInterval);
        String beyondTolerance = TruncationRule.shortfall(20.0, 19.49, frameInterval);

        // then
        assertThat(withinTolerance).isNull();
        assertThat(beyondTolerance).isEqualTo("packets end at 19.49 s but the container states 20.00 s (0.51 s missing)");
    }

    @Test
    void toleratesTwoFramesWhenFramesAreLong() {
        // given: 1 fps, two frame intervals = 2 s
        double frameInterval = 1.0;

        // when
        String twoFramesShort = TruncationRule.shortfall(20.0, 18.0, frameInterval);
        String moreThanTwoFramesShort = TruncationRule.shortfall(20.0, 17.9, frameInterval);

        // then
        assertThat(twoFramesShort).isNull();
        assertThat(moreThanTwoFramesShort).isNotNull();
    }

    @Test
    void needsAStatedDuration() {
        // when
        String unknown = TruncationRule.shortfall(null, 3.0, 0.1);
        String noPackets = TruncationRule.shortfall(20.0, null, 0.1);

        // then
        assertThat(unknown).isNull();
        assertThat(noPackets).isEqualTo("no packets although the container states 20.00 s");
    }

    @Test
    void describesAReadError() {
        // when
        String reason = TruncationRule.readError(117, 11.7, "Invalid data found when processing input");

        // then
        assertThat(reason).isEqualTo("reading stopped after 117 packets at 11.70 s: Invalid data found when processing input");
    }
}
