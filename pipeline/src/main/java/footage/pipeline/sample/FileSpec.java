package footage.pipeline.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * One file of a synthetic dump and how the station's manifest describes it.
 *
 * @param path           relative path inside the dump, '/'-separated
 * @param video          the recording to synthesise, null when {@code bytes} are given
 * @param bytes          raw content for non-media or zero-byte files, null when {@code video} is given
 * @param listed         whether the file appears in manifest.files
 * @param manifestSize   null to list the real size, else this (wrong) size
 * @param manifestMd5    null to list the real MD5 (lowercase hex), "" to omit the md5 field, else this value
 */
public record FileSpec(String path, VideoSpec video, byte[] bytes, boolean listed, Long manifestSize,
                       String manifestMd5) {

    public FileSpec {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.contains("\\")) {
            throw new IllegalArgumentException("path must be relative, '/'-separated and name a file but was '"
                    + path + "'");
        }
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                // the generator writes where the path points; escaping the dump would write elsewhere
                throw new IllegalArgumentException("path must not contain empty, '.' or '..' segments but was '"
                        + path + "'");
            }
        }
        if ((video == null) == (bytes == null)) {
            throw new IllegalArgumentException("exactly one of video or bytes is needed for '" + path + "'");
        }
        if (manifestSize != null && manifestSize < 0) {
            throw new IllegalArgumentException("manifestSize must be >= 0 but was " + manifestSize);
        }
        bytes = bytes == null ? null : bytes.clone();
    }

    public static FileSpec video(String path, VideoSpec video) {
        return new FileSpec(path, Objects.requireNonNull(video, "video"), null, true, null, null);
    }

    public static FileSpec bytes(String path, byte[] bytes) {
        return new FileSpec(path, null, Objects.requireNonNull(bytes, "bytes"), true, null, null);
    }

    /** A photo, made now (JPEG with EXIF, or PNG). */
    public static FileSpec photo(String path, PhotoSpec photo) {
        try {
            return bytes(path, PhotoWriter.bytes(Objects.requireNonNull(photo, "photo")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the photo " + path, e);
        }
    }

    /** An audio recorder's file or an AVI, made now with FFmpeg (through a temporary file). */
    public static FileSpec recording(String path, RecorderSpec recording) {
        Objects.requireNonNull(recording, "recording");
        try {
            Path temp = Files.createTempFile("footage-recorder-", "." + recording.format());
            try {
                RecorderWriter.write(temp, recording);
                return bytes(path, Files.readAllBytes(temp));
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the recording " + path, e);
        }
    }

    public FileSpec unlisted() {
        return new FileSpec(path, video, bytes, false, manifestSize, manifestMd5);
    }

    public FileSpec withManifestSize(long size) {
        return new FileSpec(path, video, bytes, listed, size, manifestMd5);
    }

    public FileSpec withManifestMd5(String md5) {
        return new FileSpec(path, video, bytes, listed, manifestSize, Objects.requireNonNull(md5, "md5"));
    }

    @Override
    public byte[] bytes() {
        return bytes == null ? null : bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FileSpec that && listed == that.listed && path.equals(that.path)
                && Objects.equals(video, that.video) && Arrays.equals(bytes, that.bytes)
                && Objects.equals(manifestSize, that.manifestSize) && Objects.equals(manifestMd5, that.manifestMd5);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, video, Arrays.hashCode(bytes), listed, manifestSize, manifestMd5);
    }

    @Override
    public String toString() {
        String content = video != null ? "video=" + video : "bytes=" + bytes.length + " bytes";
        return "FileSpec[path=" + path + ", " + content + ", listed=" + listed + ", manifestSize=" + manifestSize
                + ", manifestMd5=" + manifestMd5 + "]";
    }
}
