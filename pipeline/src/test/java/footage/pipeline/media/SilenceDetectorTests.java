package footage.pipeline.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;

import footage.pipeline.sample.RecorderSpec;
import footage.pipeline.sample.SampleDumpGenerator;
import footage.pipeline.sample.VideoSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SilenceDetectorTests {

    private final SampleDumpGenerator generator = new SampleDumpGenerator();
    private final SilenceDetector detector = new SilenceDetector(-50, 60);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"wav", "m4a", "amr"})
    void findsNinetySecondsOfSilenceToWithinASecond(String format) throws Exception {
        // given: 100 s of tone with silence from 5 s to 95 s
        Path file = dir.resolve("REC." + format);
        generator.writeRecorderFile(file, RecorderSpec.audio(format, 100).silentBetween(5, 95));

        // when
        SilenceDetector.Result result = detector.scan(file);

        // then
        assertThat(result.error()).isNull();
        assertThat(result.spans()).singleElement().satisfies(span -> {
            assertThat(span.fromSeconds()).isCloseTo(5, within(1.0));
            assertThat(span.toSeconds()).isCloseTo(95, within(1.0));
        });
    }

    @Test
    void aShorterSilenceAndToneAreNoSpan() throws Exception {
        // given: 30 s of silence in 70 s, shorter than the 60 s that count
        Path file = dir.resolve("REC.wav");
        generator.writeRecorderFile(file, RecorderSpec.audio("wav", 70).silentBetween(20, 50));

        // when
        SilenceDetector.Result result = detector.scan(file);

        // then
        assertThat(result.error()).isNull();
        assertThat(result.spans()).isEmpty();
        assertThat(new SilenceDetector(-50, 10).scan(file).spans()).singleElement()
                .satisfies(span -> assertThat(span.seconds()).isCloseTo(30, within(0.5)));
    }

    @Test
    void aVideoWithoutSoundHasNoAudioToScan() throws Exception {
        // given
        Path file = dir.resolve("mute.mp4");
        generator.writeVideo(file, VideoSpec.small(2, null).withoutAudio());

        // when
        SilenceDetector.Result result = detector.scan(file);

        // then
        assertThat(result.spans()).isEmpty();
        assertThat(result.error()).isEqualTo("no audio stream");
    }
}
