package footage.pipeline.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;

import java.io.IOException;
import java.nio.file.Path;

/**
 * How far a photo must be turned to stand upright: the EXIF Orientation a camera writes instead of turning the
 * pixels (phones and terminals held upright). FFmpeg decodes the pixels as stored, so a preview made without this
 * lies on its side.
 */
public final class PhotoOrientation {

    private PhotoOrientation() {
    }

    /**
     * Clockwise degrees (0, 90, 180, 270) to turn the stored picture; 0 when the file is no photo or says nothing.
     * The mirrored orientations (2, 4, 5, 7, rare outside scanners) are turned like their unmirrored neighbours.
     */
    public static int clockwise(Path file) {
        try {
            byte[] head;
            try (var in = java.nio.file.Files.newInputStream(file)) {
                head = in.readNBytes(MediaSniffer.HEADER_BYTES);
            }
            if (MediaSniffer.content(head) != MediaSniffer.Content.PHOTO) {
                return 0;
            }
            ExifIFD0Directory ifd0 = ImageMetadataReader.readMetadata(file.toFile())
                    .getFirstDirectoryOfType(ExifIFD0Directory.class);
            Integer orientation = ifd0 == null ? null : ifd0.getInteger(ExifDirectoryBase.TAG_ORIENTATION);
            if (orientation == null) {
                return 0;
            }
            return switch (orientation) {
                case 3, 4 -> 180;
                case 5, 6 -> 90;
                case 7, 8 -> 270;
                default -> 0;
            };
        } catch (IOException | ImageProcessingException | RuntimeException e) {
            // unreadable EXIF: the picture as stored, which is what the probe reported too
            return 0;
        }
    }
}
