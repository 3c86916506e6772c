package footage.pipeline.sample;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes synthetic photos: a JPEG or PNG picture from ImageIO, and for JPEG an EXIF block (APP1) built here, since
 * the JDK writes no EXIF. Writing test data is all this does; reading EXIF is metadata-extractor's job.
 */
final class PhotoWriter {

    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("uuuu:MM:dd HH:mm:ss");
    private static final int ASCII = 2;
    private static final int SHORT = 3;
    private static final int LONG = 4;

    private PhotoWriter() {
    }

    static byte[] bytes(PhotoSpec spec) throws IOException {
        BufferedImage image = new BufferedImage(spec.width(), spec.height(), BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < spec.height(); y++) {
            for (int x = 0; x < spec.width(); x++) {
                image.setRGB(x, y, (x * 255 / spec.width()) << 16 | (y * 255 / spec.height()) << 8 | 0x40);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, PhotoSpec.JPEG.equals(spec.format()) ? "jpg" : "png", out)) {
            throw new IOException("no ImageIO writer for " + spec.format());
        }
        byte[] picture = out.toByteArray();
        if (PhotoSpec.JPEG.equals(spec.format())) {
            byte[] exif = exif(spec);
            if (exif != null) {
                picture = insertAfterStartOfImage(picture, exif);
            }
        }
        return Arrays.copyOf(picture, (int) Math.max(1, Math.round(picture.length * spec.keepFraction())));
    }

    private static byte[] insertAfterStartOfImage(byte[] jpeg, byte[] app1Payload) {
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + app1Payload.length);
        out.put(jpeg, 0, 2);
        out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (app1Payload.length + 2)).put(app1Payload);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /** The APP1 payload: "Exif\0\0", then a big-endian TIFF structure with IFD0 and the Exif sub-IFD. */
    private static byte[] exif(PhotoSpec spec) {
        boolean any = spec.taken() != null || spec.make() != null || spec.model() != null || spec.corruptExif()
                || spec.orientation() != 1;
        if (!any) {
            return null;
        }
        if (spec.corruptExif()) {
            // a TIFF header whose first directory lies far beyond the block
            return concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1),
                    new byte[]{'M', 'M', 0, 42, 0x7F, (byte) 0xFF, (byte) 0xFF, 0x00, 1, 2, 3, 4});
        }
        List<Entry> exifEntries = new ArrayList<>();
        if (spec.taken() != null) {
            exifEntries.add(Entry.ascii(0x9003, EXIF_TIME.format(spec.taken())));
        }
        if (spec.offset() != null) {
            exifEntries.add(Entry.ascii(0x9011, spec.offset().getId().equals("Z") ? "+00:00" : spec.offset().getId()));
        }
        if (spec.subSecond() != null) {
            exifEntries.add(Entry.ascii(0x9291, spec.subSecond()));
        }
        List<Entry> ifd0 = new ArrayList<>();
        if (spec.make() != null) {
            ifd0.add(Entry.ascii(0x010F, spec.make()));
        }
        if (spec.model() != null) {
            ifd0.add(Entry.ascii(0x0110, spec.model()));
        }
        if (spec.orientation() != 1) {
            ifd0.add(new Entry(0x0112, SHORT, 1, ByteBuffer.allocate(2).putShort((short) spec.orientation()).array()));
        }
        int ifd0Offset = 8;
        int ifd0Size = directorySize(ifd0.size() + 1);
        int ifd0Data = dataSize(ifd0);
        int exifOffset = ifd0Offset + ifd0Size + ifd0Data;
        ifd0.add(new Entry(0x8769, LONG, 1, ByteBuffer.allocate(4).putInt(exifOffset).array()));
        ByteBuffer tiff = ByteBuffer.allocate(exifOffset + directorySize(exifEntries.size()) + dataSize(exifEntries));
        tiff.put(new byte[]{'M', 'M', 0, 42}).putInt(ifd0Offset);
        directory(tiff, ifd0, ifd0Offset);
        directory(tiff, exifEntries, exifOffset);
        return concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff.array());
    }

    private static int directorySize(int entries) {
        return 2 + entries * 12 + 4;
    }

    private static int dataSize(List<Entry> entries) {
        return entries.stream().mapToInt(e -> e.value.length > 4 ? e.value.length : 0).sum();
    }

    /** Writes one IFD at {@code offset} with values longer than 4 bytes right after it. */
    private static void directory(ByteBuffer tiff, List<Entry> entries, int offset) {
        tiff.position(offset);
        tiff.putShort((short) entries.size());
        int data = offset + directorySize(entries.size());
        for (Entry e : entries) {
            tiff.putShort((short) e.tag).putShort((short) e.type).putInt(e.count);
            if (e.value.length > 4) {
                tiff.putInt(data);
                int at = tiff.position();
                tiff.position(data).put(e.value).position(at);
                data += e.value.length;
            } else {
                tiff.put(Arrays.copyOf(e.value, 4));
            }
        }
        tiff.putInt(0);
        tiff.position(data);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private record Entry(int tag, int type, int count, byte[] value) {

        static Entry ascii(int tag, String text) {
            byte[] value = (text + "\0").getBytes(StandardCharsets.US_ASCII);
            return new Entry(tag, ASCII, value.length, value);
        }
    }
}
