package footage.pipeline.sample;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Set;

/**
 * A synthetic photo as cameras write them.
 *
 * @param format       "jpeg" or "png" (PNG carries no EXIF here, as most screenshots and some terminals)
 * @param taken        EXIF DateTimeOriginal, null to write none
 * @param subSecond    EXIF SubSecTimeOriginal digits, null for none
 * @param offset       EXIF OffsetTimeOriginal, null for none
 * @param make         EXIF Make, null for none
 * @param model        EXIF Model, null for none
 * @param corruptExif  write an EXIF block whose first directory points outside it, as damaged cards do
 * @param keepFraction 1.0 keeps the whole file; less cuts it there, like a camera that lost power mid-write
 * @param orientation  EXIF Orientation 1..8 (1: as stored; 6: turn 90° clockwise to view, a phone held upright)
 */
public record PhotoSpec(String format, int width, int height, LocalDateTime taken, String subSecond,
                        ZoneOffset offset, String make, String model, boolean corruptExif, double keepFraction,
                        int orientation) {

    /** A photo stored upright (no Orientation tag). */
    public PhotoSpec(String format, int width, int height, LocalDateTime taken, String subSecond, ZoneOffset offset,
                     String make, String model, boolean corruptExif, double keepFraction) {
        this(format, width, height, taken, subSecond, offset, make, model, corruptExif, keepFraction, 1);
    }

    public static final String JPEG = "jpeg";
    public static final String PNG = "png";

    public PhotoSpec {
        Objects.requireNonNull(format, "format");
        if (!Set.of(JPEG, PNG).contains(format)) {
            throw new IllegalArgumentException("format must be jpeg or png but was '" + format + "'");
        }
        if (width <= 0 || height <= 0 || width > 8192 || height > 8192) {
            throw new IllegalArgumentException("width and height must be 1..8192 but were " + width + "x" + height);
        }
        if (orientation < 1 || orientation > 8) {
            throw new IllegalArgumentException("orientation must be an EXIF Orientation 1..8 but was " + orientation);
        }
        boolean exif = taken != null || subSecond != null || offset != null || make != null || model != null || corruptExif
                || orientation != 1;
        if (PNG.equals(format) && exif) {
            throw new IllegalArgumentException("EXIF is written into JPEG photos only");
        }
        if (subSecond != null && !subSecond.matches("\\d{1,9}")) {
            throw new IllegalArgumentException("subSecond must be 1..9 digits but was '" + subSecond + "'");
        }
        if (!(keepFraction > 0 && keepFraction <= 1)) {
            throw new IllegalArgumentException("keepFraction must be in (0, 1] but was " + keepFraction);
        }
    }

    /** A small JPEG as a body camera's photo mode writes it: EXIF time with offset, maker and model. */
    public static PhotoSpec jpeg(LocalDateTime taken, ZoneOffset offset) {
        return new PhotoSpec(JPEG, 64, 48, taken, null, offset, "Hikvision", "DSJ-T9", false, 1.0);
    }

    public static PhotoSpec png() {
        return new PhotoSpec(PNG, 64, 48, null, null, null, null, null, false, 1.0);
    }

    public PhotoSpec withCorruptExif() {
        return new PhotoSpec(format, width, height, null, null, null, null, null, true, keepFraction, 1);
    }

    public PhotoSpec cutTo(double fraction) {
        return new PhotoSpec(format, width, height, taken, subSecond, offset, make, model, corruptExif, fraction,
                orientation);
    }

    public PhotoSpec withOrientation(int exifOrientation) {
        return new PhotoSpec(format, width, height, taken, subSecond, offset, make, model, corruptExif, keepFraction,
                exifOrientation);
    }
}
