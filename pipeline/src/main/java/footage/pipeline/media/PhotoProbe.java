package footage.pipeline.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.heif.HeifDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.png.PngDirectory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;

/**
 * Probes a photo (JPEG, PNG, HEIF) with metadata-extractor: size, codec, EXIF time and camera, and whether the file
 * ends where its format says it must (a photo cut off mid-write is DAMAGED, like truncated video).
 */
final class PhotoProbe {

    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("uuuu:MM:dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final byte[] PNG_END = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
    /** How far from the end a JPEG's end-of-image marker may sit behind zero or 0xFF padding some cameras add. */
    private static final int TAIL_BYTES = 4096;

    private PhotoProbe() {
    }

    static ProbeResult probe(Path file, byte[] head) {
        String name = file.toString();
        String codec = codec(head);
        String truncation;
        try {
            truncation = truncation(file, codec);
        } catch (IOException e) {
            return ProbeResult.unreadable(name, "cannot read the photo: " + oneLine(e), RecordingKind.PHOTO);
        }
        PhotoFacts facts;
        try {
            facts = facts(ImageMetadataReader.readMetadata(file.toFile()), codec);
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            if (truncation == null) {
                // whole, yet metadata-extractor cannot parse it at all: not readable as a photo
                return ProbeResult.unreadable(name, "a " + codec.toUpperCase(Locale.ROOT)
                        + " photo that cannot be read: " + oneLine(e), RecordingKind.PHOTO);
            }
            // cut short: damaged evidence, archived as such, with whatever the bytes still say
            facts = new PhotoFacts(codec, null, null, null, null, null, null, null, "metadata unreadable: " + oneLine(e));
        }
        String creationTime = facts.takenOffset() == null ? null : facts.takenAt(ZoneOffset.UTC).toString();
        return new ProbeResult(name, true, null, container(codec), null, creationTime, List.of(), 0, 0, null, null,
                truncation != null, truncation, null, List.of(), null, RecordingKind.PHOTO, facts);
    }

    private static String codec(byte[] head) {
        if ((head[0] & 0xFF) == 0xFF) {
            return "jpeg";
        }
        return head[0] == (byte) 0x89 ? "png" : "hevc";
    }

    private static String container(String codec) {
        return switch (codec) {
            case "jpeg" -> "jpeg";
            case "png" -> "png";
            default -> "heif";
        };
    }

    private static PhotoFacts facts(Metadata metadata, String codec) {
        Integer[] size = size(metadata);
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        String problem = exifErrors(metadata);
        String takenProblem = null;
        LocalDateTime taken = null;
        ZoneOffset offset = null;
        String raw = exif == null ? null : trimmed(exif.getString(ExifDirectoryBase.TAG_DATETIME_ORIGINAL));
        if (raw != null && !unset(raw)) {
            try {
                taken = LocalDateTime.parse(raw, EXIF_TIME).plusNanos(subSecondNanos(
                        trimmed(exif.getString(ExifDirectoryBase.TAG_SUBSECOND_TIME_ORIGINAL))));
            } catch (DateTimeException e) {
                takenProblem = "EXIF DateTimeOriginal '" + raw + "' is not a real date-time (" + oneLine(e) + ")";
            }
        }
        String zone = exif == null ? null : trimmed(exif.getString(ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL));
        if (taken != null && zone != null) {
            try {
                offset = ZoneOffset.of(zone);
            } catch (DateTimeException e) {
                // the time stands; read in the device's zone, as when the camera writes no offset
                problem = (problem == null ? "" : problem + "; ") + "EXIF OffsetTimeOriginal '" + zone
                        + "' is not an offset";
            }
        }
        return new PhotoFacts(codec, size[0], size[1], taken, offset, takenProblem,
                ifd0 == null ? null : trimmed(ifd0.getString(ExifDirectoryBase.TAG_MAKE)),
                ifd0 == null ? null : trimmed(ifd0.getString(ExifDirectoryBase.TAG_MODEL)), problem);
    }

    /** Width and height from the picture's own header (JPEG SOF, PNG IHDR, HEIF ispe); nulls when it has none. */
    private static Integer[] size(Metadata metadata) {
        JpegDirectory jpeg = metadata.getFirstDirectoryOfType(JpegDirectory.class);
        if (jpeg != null) {
            return pair(jpeg, JpegDirectory.TAG_IMAGE_WIDTH, JpegDirectory.TAG_IMAGE_HEIGHT);
        }
        PngDirectory png = metadata.getFirstDirectoryOfType(PngDirectory.class);
        if (png != null) {
            return pair(png, PngDirectory.TAG_IMAGE_WIDTH, PngDirectory.TAG_IMAGE_HEIGHT);
        }
        HeifDirectory heif = metadata.getFirstDirectoryOfType(HeifDirectory.class);
        return heif == null ? new Integer[2] : pair(heif, HeifDirectory.TAG_IMAGE_WIDTH, HeifDirectory.TAG_IMAGE_HEIGHT);
    }

    private static Integer[] pair(Directory d, int widthTag, int heightTag) {
        return new Integer[] {positive(d.getInteger(widthTag)), positive(d.getInteger(heightTag))};
    }

    /** Errors metadata-extractor met in the EXIF block: it keeps going and notes them on the directory. */
    private static String exifErrors(Metadata metadata) {
        for (Directory d : metadata.getDirectories()) {
            boolean exifLike = d instanceof ExifDirectoryBase || d.getName().startsWith("Exif")
                    || d.getClass().getSimpleName().equals("ErrorDirectory");
            if (exifLike && d.hasErrors()) {
                return "EXIF unreadable: " + d.getErrors().iterator().next();
            }
        }
        return null;
    }

    /** Cameras without a set clock write blanks or zeros: no time, not a wrong one. */
    private static boolean unset(String raw) {
        return raw.replaceAll("[\\s:0]", "").isEmpty();
    }

    private static long subSecondNanos(String digits) {
        if (digits == null || !digits.matches("\\d{1,9}")) {
            return 0;
        }
        return Long.parseLong((digits + "000000000").substring(0, 9));
    }

    /** Why a photo is cut short, or null when it ends as its format requires. */
    private static String truncation(Path file, String codec) throws IOException {
        try (FileChannel in = FileChannel.open(file)) {
            long size = in.size();
            int n = (int) Math.min(size, TAIL_BYTES);
            ByteBuffer tail = ByteBuffer.allocate(n);
            while (tail.hasRemaining() && in.read(tail, size - n + tail.position()) >= 0) {
                // reads until full: the tail is small
            }
            byte[] bytes = tail.array();
            return switch (codec) {
                case "jpeg" -> jpegEnds(bytes) ? null
                        : "the JPEG does not end with its end-of-image marker (FF D9): cut short";
                case "png" -> endsWith(bytes, PNG_END) ? null : "the PNG does not end with its IEND chunk: cut short";
                default -> heifBoxesEnd(file, size);
            };
        }
    }

    private static boolean jpegEnds(byte[] tail) {
        int end = tail.length;
        while (end > 0 && (tail[end - 1] == 0 || tail[end - 1] == (byte) 0xFF)) {
            end--;
        }
        return end >= 2 && tail[end - 2] == (byte) 0xFF && tail[end - 1] == (byte) 0xD9;
    }

    private static boolean endsWith(byte[] tail, byte[] end) {
        return tail.length >= end.length
                && java.util.Arrays.equals(tail, tail.length - end.length, tail.length, end, 0, end.length);
    }

    /** HEIF is ISO BMFF: the top-level boxes must add up to the file; one reaching past the end was cut off. */
    private static String heifBoxesEnd(Path file, long size) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            long at = 0;
            byte[] header = new byte[16];
            while (at < size) {
                if (in.readNBytes(header, 0, 8) < 8) {
                    return "the HEIF file ends inside a box header at byte " + at + ": cut short";
                }
                long box = ByteBuffer.wrap(header, 0, 4).getInt() & 0xFFFFFFFFL;
                int read = 8;
                if (box == 1) {
                    if (in.readNBytes(header, 8, 8) < 8) {
                        return "the HEIF file ends inside a box header at byte " + at + ": cut short";
                    }
                    box = ByteBuffer.wrap(header, 8, 8).getLong();
                    read = 16;
                } else if (box == 0) {
                    return null;
                }
                if (box < read) {
                    return "the HEIF box '" + new String(header, 4, 4, StandardCharsets.ISO_8859_1) + "' at byte "
                            + at + " states an impossible size " + box;
                }
                if (at + box > size) {
                    return "the HEIF box '" + new String(header, 4, 4, StandardCharsets.ISO_8859_1) + "' at byte "
                            + at + " needs " + box + " bytes, the file ends " + (at + box - size) + " bytes early: cut short";
                }
                in.skipNBytes(box - read);
                at += box;
            }
            return null;
        }
    }

    private static Integer positive(Integer value) {
        return value != null && value > 0 ? value : null;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
