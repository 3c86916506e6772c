package footage.pipeline.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * Recognises photos, audio recordings and audio/video containers by their first bytes, never by the name: a cheap
 * first look that keeps logs, notes and other recorder debris away from the probe and out of the catalog, and
 * sends photos to the photo probe (FFmpeg would read a JPEG as a one-frame video).
 */
public final class MediaSniffer {

    /** What the first bytes say a file is. */
    public enum Content {
        /** JPEG, PNG, HEIF/HEIC: a still picture. */
        PHOTO,
        /** WAV, MP3/ADTS, AMR-NB/AMR-WB, FLAC: sound only by its format. */
        AUDIO,
        /** ISO BMFF (MP4, MOV, M4A), MPEG-TS/M2TS, Matroska, AVI, FLV, MPEG-PS, Ogg: video or audio, the probe tells. */
        CONTAINER
    }

    private static final Set<String> ISO_BMFF_BOXES = Set.of("ftyp", "moov", "mdat", "free", "wide");
    /** ftyp major brands of HEIF still images (ISO/IEC 23008-12), as phones and cameras write them. */
    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1");
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] AMR_NB = "#!AMR\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] AMR_WB = "#!AMR-WB\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] FLAC = "fLaC".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] OGG = "OggS".getBytes(StandardCharsets.ISO_8859_1);
    private static final int TS_PACKET = 188;
    /** M2TS (AVCHD, some body cams) prefixes each 188-byte packet with a 4-byte timecode. */
    private static final int M2TS_PACKET = 192;
    private static final byte TS_SYNC = 0x47;
    private static final byte[] EBML = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};
    private static final byte[] MPEG_PS_PACK = {0x00, 0x00, 0x01, (byte) 0xBA};
    /** How many bytes from the start of a file {@link #looksLikeMedia(byte[])} needs. */
    public static final int HEADER_BYTES = 4 + M2TS_PACKET + 1;

    private MediaSniffer() {
    }

    public static boolean looksLikeMedia(Path file) throws IOException {
        return content(file) != null;
    }

    /** The same test on the first {@link #HEADER_BYTES} bytes of a file (fewer for a shorter file). */
    public static boolean looksLikeMedia(byte[] head) {
        return content(head) != null;
    }

    /** What the first {@link #HEADER_BYTES} bytes of a file say it is; null when they match no known format. */
    public static Content content(byte[] head) {
        if (startsWith(head, 0, JPEG) || startsWith(head, 0, PNG) || isHeif(head)) {
            return Content.PHOTO;
        }
        if (isWave(head) || startsWith(head, 0, AMR_NB) || startsWith(head, 0, AMR_WB) || startsWith(head, 0, FLAC)
                || isId3(head) || isMpegAudioFrame(head)) {
            return Content.AUDIO;
        }
        if (isIsoBmff(head) || isTransportStream(head) || startsWith(head, 0, EBML) || isAvi(head)
                || isFlv(head) || startsWith(head, 0, MPEG_PS_PACK) || startsWith(head, 0, OGG)) {
            return Content.CONTAINER;
        }
        return null;
    }

    /** Whether a file's first bytes are an ISO BMFF box (MP4, MOV, M4A, 3GP): a container whose header describes its streams. */
    public static boolean isIsoBmff(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return isIsoBmff(in.readNBytes(8));
        }
    }

    /** What a file's first bytes say it is; null when they match no known format. */
    public static Content content(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return content(in.readNBytes(HEADER_BYTES));
        }
    }

    private static boolean isHeif(byte[] head) {
        return head.length >= 12 && ascii(head, 4, 4).equals("ftyp") && HEIF_BRANDS.contains(ascii(head, 8, 4));
    }

    private static boolean isWave(byte[] head) {
        return head.length >= 12 && ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WAVE");
    }

    /** An ID3v2 tag (MP3, sometimes AAC): "ID3", a major version 2..4 and a revision below 0xFF. */
    private static boolean isId3(byte[] head) {
        return head.length >= 5 && ascii(head, 0, 3).equals("ID3") && head[3] >= 2 && head[3] <= 4 && head[4] != (byte) 0xFF;
    }

    /**
     * An MPEG audio frame header (MP3 without tag) or an ADTS header (raw AAC): 11 sync bits, then a layer, bit rate
     * and sample rate that are not the reserved values, so text or random binary rarely passes.
     */
    private static boolean isMpegAudioFrame(byte[] head) {
        if (head.length < 4 || head[0] != (byte) 0xFF || (head[1] & 0xE0) != 0xE0) {
            return false;
        }
        int layer = (head[1] >> 1) & 0x03;
        if (layer == 0) {
            // ADTS: MPEG version bit, layer 00; sampling frequency index 0..12
            return (head[1] & 0xF6) == 0xF0 && ((head[2] >> 2) & 0x0F) <= 12;
        }
        int version = (head[1] >> 3) & 0x03;
        int bitRate = (head[2] >> 4) & 0x0F;
        int sampleRate = (head[2] >> 2) & 0x03;
        return version != 1 && bitRate != 0x0F && bitRate != 0 && sampleRate != 3;
    }

    private static boolean isIsoBmff(byte[] head) {
        return head.length >= 8 && ISO_BMFF_BOXES.contains(ascii(head, 4, 4));
    }

    /** One sync byte could be chance; the same byte exactly one packet later is a transport stream. */
    private static boolean isTransportStream(byte[] head) {
        return syncAt(head, 0) && syncAt(head, TS_PACKET) || syncAt(head, 4) && syncAt(head, 4 + M2TS_PACKET);
    }

    private static boolean syncAt(byte[] head, int offset) {
        return head.length > offset && head[offset] == TS_SYNC;
    }

    private static boolean isAvi(byte[] head) {
        return head.length >= 12 && ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("AVI ");
    }

    private static boolean isFlv(byte[] head) {
        return head.length >= 4 && ascii(head, 0, 3).equals("FLV") && head[3] == 1;
    }

    private static boolean startsWith(byte[] head, int offset, byte[] magic) {
        return head.length >= offset + magic.length
                && Arrays.equals(head, offset, offset + magic.length, magic, 0, magic.length);
    }

    private static String ascii(byte[] head, int offset, int length) {
        return new String(head, offset, length, StandardCharsets.ISO_8859_1);
    }
}
