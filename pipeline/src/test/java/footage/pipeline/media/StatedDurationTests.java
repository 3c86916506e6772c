package footage.pipeline.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatedDurationTests {

    private static final double TOLERANCE = 0.5;

    @Test
    void setsAsideAContainerLengthThatOnlyAMetadataTrackReaches() {
        // given: FFmpeg's muxer wrote the telemetry's 13.01 s into the movie header; audio and video state 12.08 s

        // when
        StatedDuration stated = StatedDuration.decide(13.01, 12.08, 13.01, 0, TOLERANCE);

        // then
        assertThat(stated.reported()).isEqualTo(12.08);
        assertThat(stated.judged()).isEqualTo(12.08);
    }

    @Test
    void keepsACameraHeaderThatStatesTheRecordingWhileTelemetryRunsOn() {
        // given: the movie header says 12.08 s, the tracks 12.07 s (audio, video) and 13.01 s (telemetry)

        // when
        StatedDuration stated = StatedDuration.decide(12.08, 12.07, 13.01, 0, TOLERANCE);

        // then
        assertThat(stated.reported()).isEqualTo(12.08);
        assertThat(stated.judged()).isEqualTo(12.08);
    }

    @Test
    void judgesAgainstAHeaderThatPromisesMoreThanAnyTrack() {
        // given

        // when
        StatedDuration withoutMetadata = StatedDuration.decide(60.0, 12.08, null, 0, TOLERANCE);
        StatedDuration metadataEndsEarlier = StatedDuration.decide(60.0, 12.08, 13.01, 0, TOLERANCE);

        // then
        assertThat(withoutMetadata.judged()).isEqualTo(60.0);
        assertThat(metadataEndsEarlier.judged()).isEqualTo(60.0);
        assertThat(metadataEndsEarlier.reported()).isEqualTo(60.0);
    }

    @Test
    void judgesAgainstTheLongestAudioOrVideoStreamWhenItStatesMoreThanTheContainer() {
        // given: audio states 6 s, the movie header 3 s

        // when
        StatedDuration stated = StatedDuration.decide(3.0, 6.0, null, 0, TOLERANCE);

        // then
        assertThat(stated.reported()).isEqualTo(3.0);
        assertThat(stated.judged()).isEqualTo(6.0);
    }

    @Test
    void fallsBackToTheStreamsWhenTheContainerStatesNothing() {
        // given

        // when
        StatedDuration none = StatedDuration.decide(null, 6.0, 7.0, 1.4, TOLERANCE);
        StatedDuration zero = StatedDuration.decide(0.0, null, null, 0, TOLERANCE);

        // then
        assertThat(none.reported()).isEqualTo(6.0);
        assertThat(none.judged()).isEqualTo(6.0);
        assertThat(none.origin()).isEqualTo(1.4);
        assertThat(zero.reported()).isNull();
        assertThat(zero.judged()).isNull();
    }
}
