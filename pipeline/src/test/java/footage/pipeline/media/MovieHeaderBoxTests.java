package footage.pipeline.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieHeaderBoxTests {

    @TempDir
    Path dir;

    @Test
    void readsVersion0AndVersion1Headers() throws Exception {
        // given: 12080 / 1000 s in a 32-bit header; 6 s in 90 kHz units in a 64-bit header behind a large mdat
        Path narrow = write("narrow.mp4", box("ftyp", new byte[8]), box("moov", box("mvhd", mvhd(0, 1000, 12_080))));
        Path wide = write("wide.mov", box("ftyp", new byte[8]), largeBox("mdat", new byte[100]),
                box("moov", box("mvhd", mvhd(1, 90_000, 540_000))));

        // when
        Double narrowSeconds = MovieHeaderBox.durationSeconds(narrow);
        Double wideSeconds = MovieHeaderBox.durationSeconds(wide);

        // then
        assertThat(narrowSeconds).isEqualTo(12.08);
        assertThat(wideSeconds).isEqualTo(6.0);
    }

    @Test
    void findsNoStatementInCutUnknownOrForeignFiles() throws Exception {
        // given
        byte[] whole = concat(box("ftyp", new byte[8]), box("moov", box("mvhd", mvhd(0, 1000, 12_080))));
        Path cut = write("cut.mp4", Arrays.copyOf(whole, whole.length - 40));
        Path unknown = write("unknown.mp4", box("moov", box("mvhd", mvhd(0, 1000, 0xFFFF_FFFFL))));
        Path noTimescale = write("no-timescale.mp4", box("moov", box("mvhd", mvhd(0, 0, 12_080))));
        Path text = write("notes.txt", "张三的笔记\n".getBytes(StandardCharsets.UTF_8));

        // when / then
        assertThat(MovieHeaderBox.durationSeconds(cut)).isNull();
        assertThat(MovieHeaderBox.durationSeconds(unknown)).isNull();
        assertThat(MovieHeaderBox.durationSeconds(noTimescale)).isNull();
        assertThat(MovieHeaderBox.durationSeconds(text)).isNull();
        assertThat(MovieHeaderBox.durationSeconds(dir.resolve("missing.mp4"))).isNull();
    }

    private static byte[] mvhd(int version, long timescale, long duration) {
        ByteBuffer b = ByteBuffer.allocate(version == 1 ? 112 : 100);
        b.put((byte) version).put(new byte[3]);
        if (version == 1) {
            b.putLong(0).putLong(0).putInt((int) timescale).putLong(duration);
        } else {
            b.putInt(0).putInt(0).putInt((int) timescale).putInt((int) duration);
        }
        return b.array();
    }

    private static byte[] box(String type, byte[]... payloads) {
        byte[] payload = concat(payloads);
        return ByteBuffer.allocate(8 + payload.length).putInt(8 + payload.length)
                .put(type.getBytes(StandardCharsets.US_ASCII)).put(payload).array();
    }

    private static byte[] largeBox(String type, byte[] payload) {
        return ByteBuffer.allocate(16 + payload.length).putInt(1).put(type.getBytes(StandardCharsets.US_ASCII))
                .putLong(16 + payload.length).put(payload).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private Path write(String name, byte[]... parts) throws Exception {
        return Files.write(dir.resolve(name), concat(parts));
    }
}
