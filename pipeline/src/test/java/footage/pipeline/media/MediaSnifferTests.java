package footage.pipeline.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;

import footage.pipeline.sample.SampleDumpGenerator;
import footage.pipeline.sample.VideoSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MediaSnifferTests {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
            "00000020667479706973346d", // ....ftypisom
            "000000086d6f6f76",         // ....moov (QuickTime without ftyp)
            "000000086d646174",         // ....mdat
            "0000000866726565",         // ....free
            "0000000877696465",         // ....wide
            "1a45dfa3a3428681",         // EBML (Matroska / WebM)
            "524946460000000041564920", // RIFF....AVI
            "464c560105000000",         // FLV v1
            "000001ba44000400",         // MPEG-PS pack header
    })
    void recognisesContainerMagic(String hex) throws IOException {
        // given
        Path file = write(HexFormat.of().parseHex(hex + "00".repeat(16)));

        // when
        boolean media = MediaSniffer.looksLikeMedia(file);

        // then
        assertThat(media).isTrue();
    }

    @Test
    void recognisesTransportStreamsByTwoSyncBytesOnePacketApart() throws IOException {
        // given
        byte[] ts = new byte[2 * 188];
        ts[0] = 0x47;
        ts[188] = 0x47;
        byte[] m2ts = new byte[2 * 192];
        m2ts[4] = 0x47;
        m2ts[196] = 0x47;
        byte[] oneSync = new byte[2 * 188];
        oneSync[0] = 0x47;

        // when / then
        assertThat(MediaSniffer.looksLikeMedia(write(ts))).isTrue();
        assertThat(MediaSniffer.looksLikeMedia(write(m2ts))).isTrue();
        assertThat(MediaSniffer.looksLikeMedia(write(oneSync))).isFalse();
    }

    @Test
    void recognisesGeneratedRecordings() throws IOException {
        // given
        SampleDumpGenerator generator = new SampleDumpGenerator();
        Path mp4 = dir.resolve("a.mp4");
        Path ts = dir.resolve("a.ts");
        generator.writeVideo(mp4, VideoSpec.small(1, null));
        generator.writeVideo(ts, VideoSpec.small(1, null).asMpegTs());

        // when / then
        assertThat(MediaSniffer.looksLikeMedia(mp4)).isTrue();
        assertThat(MediaSniffer.looksLikeMedia(ts)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "ffd8ffe000104a464946, PHOTO",                 // JPEG/JFIF
            "ffd8ffe1001845786966, PHOTO",                 // JPEG/EXIF
            "89504e470d0a1a0a0000000d49484452, PHOTO",     // PNG
            "0000001866747970686569630000000, PHOTO",      // ....ftypheic
            "00000018667479706d696631000000, PHOTO",       // ....ftypmif1
            "524946462400000057415645666d7420, AUDIO",     // RIFF....WAVEfmt
            "494433040000000000, AUDIO",                   // ID3v2.4 (MP3)
            "fffb9064000000, AUDIO",                       // MPEG-1 layer III frame
            "fff15080000000, AUDIO",                       // ADTS (raw AAC)
            "2321414d520a3c, AUDIO",                       // #!AMR
            "2321414d522d57420a, AUDIO",                   // #!AMR-WB
            "664c614300000022, AUDIO",                     // fLaC
            "4f67675300020000, CONTAINER",                 // OggS (Opus or Vorbis; a video track is possible)
            "000000206674797069736f6d, CONTAINER",         // ftypisom
            "00000020667479704d344120, CONTAINER",         // ftypM4A : audio, told by the probe
    })
    void tellsPhotosAudioAndContainersApartByTheirFirstBytes(String hex, MediaSniffer.Content expected) {
        // given
        byte[] head = HexFormat.of().parseHex((hex.length() % 2 == 0 ? hex : hex + "0") + "00".repeat(16));

        // when
        MediaSniffer.Content content = MediaSniffer.content(head);

        // then
        assertThat(content).isEqualTo(expected);
    }

    @Test
    void rejectsBytesThatOnlyStartLikeAudio() {
        // given: 0xFF then a reserved layer, a "bad" bit-rate index, and an ID3 lookalike with version 9
        byte[] reservedLayer = HexFormat.of().parseHex("ffe1900000000000");
        byte[] badBitRate = HexFormat.of().parseHex("fffbf00000000000");
        byte[] notId3 = "ID3 is just a word".getBytes(StandardCharsets.US_ASCII);

        // when / then
        assertThat(MediaSniffer.content(reservedLayer)).isNull();
        assertThat(MediaSniffer.content(badBitRate)).isNull();
        assertThat(MediaSniffer.content(notId3)).isNull();
    }

    @Test
    void rejectsTextEmptyAndTinyFiles() throws IOException {
        // given
        Path text = write("2019-02-17 09:25:00 power on\n".getBytes(StandardCharsets.UTF_8));
        Path chinese = write("张三的笔记 ftyp moov\n".getBytes(StandardCharsets.UTF_8));
        Path empty = write(new byte[0]);
        Path tiny = write(new byte[] {0x1a, 0x45});

        // when / then
        assertThat(MediaSniffer.looksLikeMedia(text)).isFalse();
        assertThat(MediaSniffer.looksLikeMedia(chinese)).isFalse();
        assertThat(MediaSniffer.looksLikeMedia(empty)).isFalse();
        assertThat(MediaSniffer.looksLikeMedia(tiny)).isFalse();
    }

    @Test
    void reportsAMissingFile() {
        // given
        Path missing = dir.resolve("missing.mp4");

        // when / then
        assertThatThrownBy(() -> MediaSniffer.looksLikeMedia(missing)).isInstanceOf(NoSuchFileException.class);
    }

    private Path write(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(dir, "sniff", ".bin"), bytes);
    }
}
