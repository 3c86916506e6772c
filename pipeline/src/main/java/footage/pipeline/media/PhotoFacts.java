package footage.pipeline.media;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * What a photo says about itself, read by metadata-extractor (FFmpeg reads no EXIF).
 *
 * @param codec       "jpeg", "png" or "hevc" (HEIF/HEIC)
 * @param width       pixels, null when the file does not say
 * @param height      pixels, null when the file does not say
 * @param taken       EXIF DateTimeOriginal with SubSecTimeOriginal: the camera's clock when the picture was taken,
 *                    null when absent or unreadable
 * @param takenOffset EXIF OffsetTimeOriginal, null when the camera wrote none (then {@code taken} is in the
 *                    device's zone)
 * @param takenProblem why an EXIF DateTimeOriginal that is present is no real time (e.g. 29 February 2023), else null
 * @param make        EXIF Make (camera maker), null when absent
 * @param model       EXIF Model, null when absent
 * @param exifProblem one line on an EXIF block that is present but cannot be read (corrupt), else null
 */
public record PhotoFacts(String codec, Integer width, Integer height, LocalDateTime taken, ZoneOffset takenOffset,
                         String takenProblem, String make, String model, String exifProblem) {

    public PhotoFacts {
        if (codec == null || codec.isBlank()) {
            throw new IllegalArgumentException("a photo needs its codec");
        }
        if (takenOffset != null && taken == null) {
            throw new IllegalArgumentException("an EXIF offset " + takenOffset + " without the time it qualifies");
        }
        if (width != null && width <= 0 || height != null && height <= 0) {
            throw new IllegalArgumentException("photo size must be positive but was " + width + "x" + height);
        }
    }

    /** When the picture was taken: with the camera's own offset, else reading {@code taken} in {@code deviceZone}. */
    public Instant takenAt(ZoneId deviceZone) {
        if (taken == null) {
            return null;
        }
        return takenOffset != null ? taken.toInstant(takenOffset) : taken.atZone(deviceZone).toInstant();
    }
}
