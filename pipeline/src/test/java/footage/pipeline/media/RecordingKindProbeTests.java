package footage.pipeline.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import footage.pipeline.sample.PhotoSpec;
import footage.pipeline.sample.RecorderSpec;
import footage.pipeline.sample.SampleDumpGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordingKindProbeTests {

    private final MediaProbe probe = new MediaProbe();
    private final SampleDumpGenerator generator = new SampleDumpGenerator();

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
            "wav, pcm_s16le, 16000",
            "mp3, mp3, 22050",
            "amr, amr_nb, 8000",
            "m4a, aac, 16000",
            "ogg, opus, 48000",
            "flac, flac, 16000",
    })
    void probesAudioRecordingsAsAudioWithCodecRateChannelsAndLength(String format, String codec, int rate)
            throws Exception {
        // given
        Path file = dir.resolve("REC0001." + format);
        generator.writeRecorderFile(file, RecorderSpec.audio(format, 3));

        // when
        ProbeResult result = probe.probe(file);

        // then
        assertThat(result.readable()).as(result.error()).isTrue();
        assertThat(result.kind()).isEqualTo(RecordingKind.AUDIO);
        assertThat(result.truncated()).as(result.truncation()).isFalse();
        assertThat(result.streams()).filteredOn(StreamInfo::isAudio).singleElement().satisfies(audio -> {
            assertThat(audio.codec()).isEqualTo(codec);
            assertThat(audio.sampleRate()).isEqualTo(rate);
            assertThat(audio.channels()).isEqualTo(1);
        });
        // AMR states its length from the bit rate: a frame or so off
        assertThat(result.durationSeconds()).isCloseTo(3.0, within(0.15));
        assertThat(result.photo()).isNull();
    }

    @Test
    void probesAnAviAsVideo() throws Exception {
        // given
        Path file = dir.resolve("MOVI0001.AVI");
        generator.writeRecorderFile(file, RecorderSpec.avi(2, true));

        // when
        ProbeResult result = probe.probe(file);

        // then
        assertThat(result.kind()).isEqualTo(RecordingKind.VIDEO);
        assertThat(result.video()).get().extracting(StreamInfo::codec).isEqualTo("mpeg4");
        assertThat(result.hasAudio()).isTrue();
        assertThat(result.truncated()).as(result.truncation()).isFalse();
    }

    @Test
    void aCutWavIsTruncated() throws Exception {
        // given: a 4 s recording cut at 60 % of its bytes
        Path file = dir.resolve("REC0002.wav");
        generator.writeRecorderFile(file, RecorderSpec.audio("wav", 4).cutTo(0.6));

        // when
        ProbeResult result = probe.probe(file);

        // then
        assertThat(result.kind()).isEqualTo(RecordingKind.AUDIO);
        assertThat(result.truncated()).isTrue();
        assertThat(result.mediaSeconds()).isCloseTo(2.4, within(0.2));
    }

    @Test
    void readsAJpegsExifTimeCameraAndSize() throws Exception {
        // given
        Path file = dir.resolve("IMG_0001.JPG");
        Files.write(file, generator.photo(new PhotoSpec(PhotoSpec.JPEG, 64, 48, LocalDateTime.of(2024, 5, 1, 10, 0, 3),
                "25", ZoneOffset.ofHours(8), "Hikvision", "DSJ-T9", false, 1.0)));

        // when
        ProbeResult result = probe.probe(file);

        // then
        assertThat(result.readable()).as(result.error()).isTrue();
        assertThat(result.kind()).isEqualTo(RecordingKind.PHOTO);
        assertThat(result.container()).isEqualTo("jpeg");
        assertThat(result.truncated()).isFalse();
        PhotoFacts photo = result.photo();
        assertThat(photo.codec()).isEqualTo("jpeg");
        assertThat(photo.width()).isEqualTo(64);
        assertThat(photo.height()).isEqualTo(48);
        assertThat(photo.taken()).isEqualTo(LocalDateTime.of(2024, 5, 1, 10, 0, 3, 250_000_000));
        assertThat(photo.takenOffset()).isEqualTo(ZoneOffset.ofHours(8));
        assertThat(photo.make()).isEqualTo("Hikvision");
        assertThat(photo.model()).isEqualTo("DSJ-T9");
        assertThat(photo.exifProblem()).isNull();
        assertThat(result.creationTime()).isEqualTo("2024-05-01T02:00:03.250Z");
    }

    @Test
    void anExifTimeWithoutOffsetIsReadInTheDevicesZone() throws Exception {
        // given
        Path file = dir.resolve("IMG_0002.JPG");
        Files.write(file, generator.photo(PhotoSpec.jpeg(LocalDateTime.of(2024, 5, 1, 10, 0), null)));

        // when
        ProbeResult result = probe.probe(file);

        // then: the probe cannot know the zone, so it states no instant; the device's zone places it
        assertThat(result.creationTime()).isNull();
        assertThat(result.photo().takenAt(ZoneId.of("Asia/Shanghai"))).isEqualTo(Instant.parse("2024-05-01T02:00:00Z"));
    }

    @Test
    void aJpegWithCorruptExifIsStillAReadablePhotoWithoutATime() throws Exception {
        // given
        Path file = dir.resolve("IMG_0003.JPG");
        Files.write(file, generator.photo(PhotoSpec.jpeg(null, null).withCorruptExif()));

        // when
        ProbeResult result = probe.probe(file);

        // then
        assertThat(result.readable()).as(result.error()).isTrue();
        assertThat(result.kind()).isEqualTo(RecordingKind.PHOTO);
        assertThat(result.photo().taken()).isNull();
        assertThat(result.photo().exifProblem()).startsWith("EXIF unreadable: ");
        assertThat(result.photo().width()).isEqualTo(64);
    }

    @Test
    void aHeifIsAPhotoAndOneWhoseBoxesRunPastItsEndIsTruncated() throws Exception {
        // given: ISO BMFF with an image brand (as phones write HEIC): ftyp, then an mdat that is whole, or cut short
        java.io.ByteArrayOutputStream box = new java.io.ByteArrayOutputStream();
        box.write(java.nio.ByteBuffer.allocate(24).putInt(24).put("ftypheic".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(0).put("mif1heic".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).array());
        box.write(java.nio.ByteBuffer.allocate(8).putInt(108).put("mdat".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).array());
        box.write(new byte[100]);
        byte[] whole = box.toByteArray();
        Path complete = Files.write(dir.resolve("IMG_0001.HEIC"), whole);
        Path cut = Files.write(dir.resolve("IMG_0002.HEIC"), java.util.Arrays.copyOf(whole, whole.length - 40));

        // when
        ProbeResult completeResult = probe.probe(complete);
        ProbeResult cutResult = probe.probe(cut);

        // then
        assertThat(completeResult.kind()).isEqualTo(RecordingKind.PHOTO);
        assertThat(completeResult.container()).isEqualTo("heif");
        assertThat(completeResult.truncated()).isFalse();
        assertThat(cutResult.kind()).isEqualTo(RecordingKind.PHOTO);
        assertThat(cutResult.truncated()).isTrue();
        assertThat(cutResult.truncation()).contains("'mdat'").contains("40 bytes early");
    }

    @Test
    void photosCutShortAreTruncatedAndAPngIsReadWhole() throws Exception {
        // given
        Path cutJpeg = Files.write(dir.resolve("cut.jpg"),
                generator.photo(PhotoSpec.jpeg(LocalDateTime.of(2024, 5, 1, 10, 0), null).cutTo(0.7)));
        Path cutPng = Files.write(dir.resolve("cut.png"), generator.photo(PhotoSpec.png().cutTo(0.8)));
        Path png = Files.write(dir.resolve("whole.png"), generator.photo(PhotoSpec.png()));

        // when
        ProbeResult jpegResult = probe.probe(cutJpeg);
        ProbeResult cutPngResult = probe.probe(cutPng);
        ProbeResult pngResult = probe.probe(png);

        // then
        assertThat(jpegResult.truncated()).isTrue();
        assertThat(jpegResult.truncation()).contains("end-of-image");
        assertThat(cutPngResult.truncated()).isTrue();
        assertThat(pngResult.truncated()).isFalse();
        assertThat(pngResult.kind()).isEqualTo(RecordingKind.PHOTO);
        assertThat(pngResult.photo().width()).isEqualTo(64);
        assertThat(pngResult.photo().taken()).isNull();
    }
}
