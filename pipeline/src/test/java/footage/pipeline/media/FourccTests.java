package footage.pipeline.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FourccTests {

    @Test
    void spellsTagsAsFfprobeDoes() {
        // given
        int gpmd = 'g' | 'p' << 8 | 'm' << 16 | 'd' << 24;
        int mpegTsH264 = 0x1b;
        int withSpace = 'c' | '6' << 8 | '0' << 16 | ' ' << 24;

        // when
        String telemetry = Fourcc.of(gpmd);
        String streamType = Fourcc.of(mpegTsH264);
        String caption = Fourcc.of(withSpace);

        // then
        assertThat(telemetry).isEqualTo("gpmd");
        assertThat(streamType).isEqualTo("[27][0][0][0]");
        assertThat(caption).isEqualTo("c60 ");
    }

    @Test
    void givesNoTagForZero() {
        // given
        int none = 0;

        // when
        String tag = Fourcc.of(none);

        // then
        assertThat(tag).isNull();
    }
}
