package footage.pipeline.transcode;

import footage.pipeline.media.RecordingKind;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One transcode profile of {@code ffmpeg-profiles/} (format: that folder's README.md), already validated.
 * Values that do not apply to the profile's kind are null.
 *
 * @param name            file name without {@code .properties}
 * @param kind            what the profile makes
 * @param container       FFmpeg muxer name, e.g. {@code mp4}, {@code image2}
 * @param videoCodec      proxy and thumbnail: FFmpeg encoder name ({@code libx264}, {@code mjpeg}); remux: the codec
 *                        the source's video must already have ({@code h264})
 * @param videoPreset     encoder preset, null for the encoder's default
 * @param videoCrf        constant rate factor, or null when {@code videoBitrate} is given
 * @param videoBitrate    bits per second, or null when {@code videoCrf} is given
 * @param videoQuality    thumbnail: JPEG quantiser 2 (best) … 31
 * @param maxHeight       at most this many lines (the picture is scaled down, never up)
 * @param maxFps          frame-rate cap, null for none
 * @param pixelFormat     FFmpeg pixel format name of the output, e.g. {@code yuv420p}
 * @param audioCodec      proxy: FFmpeg encoder name, or null for no audio; remux: the codec the source's audio must
 *                        already have when it has audio
 * @param audioBitrate    bits per second
 * @param faststart       MP4/MOV index before the media data, so a browser plays while it downloads
 * @param remuxWhen       when the streams are copied instead of encoded
 * @param outputSuffix    appended to the original's SHA-256 to name the derivative, e.g. {@code .720p.mp4}
 * @param thumbnailOffset thumbnail: seconds into the recording (the middle of a shorter one)
 * @param sha256          SHA-256 of the profile file's bytes: which version of the profile made a derivative
 * @param maxWidth        thumbnail: at most this many pixels wide as well (with {@code maxHeight}: a box the picture
 *                        fits in, e.g. a photo preview's long side), null for no limit
 * @param audioChannels   audio: channels of the output (the source is mixed down or up)
 * @param appliesTo       the kinds of recording the profile is made for (default: video; audio for kind audio)
 */
public record Profile(String name, Kind kind, String container, String videoCodec, String videoPreset, Double videoCrf,
                      Long videoBitrate, Integer videoQuality, Integer maxHeight, Double maxFps, String pixelFormat,
                      String audioCodec, Long audioBitrate, Boolean faststart, RemuxWhen remuxWhen,
                      String outputSuffix, Double thumbnailOffset, String sha256, Integer maxWidth,
                      Integer audioChannels, Set<RecordingKind> appliesTo) {

    public enum Kind {
        /** a re-encoded viewing copy (copied instead when {@link RemuxWhen#SOURCE_MATCHES} and the source matches) */
        PROXY,
        /** the source's streams copied packet by packet into another container; never encodes */
        REMUX,
        /** one picture at {@code thumbnailOffset} */
        THUMBNAIL,
        /** the sound alone, re-encoded: a listening copy of an audio recording */
        AUDIO
    }

    public enum RemuxWhen {
        /** proxy: always encode */
        NEVER,
        /** copy when the source already has the profile's codecs and fits its limits */
        SOURCE_MATCHES,
        /** remux: only for sources with the profile's codecs in a container other than the profile's */
        OTHER_CONTAINER
    }

    public Profile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(container, "container");
        if (kind != Kind.AUDIO) {
            Objects.requireNonNull(videoCodec, "videoCodec");
        } else {
            Objects.requireNonNull(audioCodec, "audioCodec");
        }
        Objects.requireNonNull(outputSuffix, "outputSuffix");
        Objects.requireNonNull(sha256, "sha256");
        appliesTo = appliesTo == null || appliesTo.isEmpty()
                ? Set.of(kind == Kind.AUDIO ? RecordingKind.AUDIO : RecordingKind.VIDEO) : Set.copyOf(appliesTo);
    }

    /** Whether the profile is made for recordings of this kind. */
    public boolean appliesTo(RecordingKind recordingKind) {
        return appliesTo.contains(recordingKind);
    }

    public boolean hasAudio() {
        return audioCodec != null;
    }

    /**
     * Whether the profile is meant for a recording with these catalogued facts; empty when it is, else why not. Only
     * a remux profile is selective: it is for sources that already have its codecs (in another container). Proxies
     * and thumbnails are meant for every recording — one that turns out to give none (no video, does not open) is
     * skipped with the transcoder's reason, never passed over in silence.
     *
     * @param container  FFmpeg input format name(s) as probed, e.g. {@code mpegts} or {@code mov,mp4,m4a,3gp,3g2,mj2}
     * @param videoCodec FFmpeg codec name of the main video stream, null without video or when unknown
     * @param audioCodec FFmpeg codec name of the first audio stream, null without audio
     */
    public Optional<String> notApplicable(String container, String videoCodec, String audioCodec) {
        if (kind != Kind.REMUX) {
            return Optional.empty();
        }
        if (videoCodec == null) {
            return Optional.of("no known video codec");
        }
        if (!this.videoCodec.equals(videoCodec)) {
            return Optional.of("video is " + videoCodec + ", not " + this.videoCodec);
        }
        if (audioCodec != null && !audioCodec.equals(this.audioCodec)) {
            return Optional.of("audio is " + audioCodec + ", not " + this.audioCodec);
        }
        if (remuxWhen == RemuxWhen.OTHER_CONTAINER && container != null
                && Arrays.asList(container.split(",")).contains(this.container)) {
            return Optional.of("already in " + this.container);
        }
        return Optional.empty();
    }

    /**
     * Whether making this derivative of a recording with these codecs decodes every packet of its video and sound (and
     * so is its decode check): a proxy that always encodes, of a recording with video, taking its sound if it has any.
     * A proxy that may copy instead, a remux and a thumbnail do not.
     */
    public boolean decodesWhole(String videoCodec, String audioCodec) {
        return kind == Kind.PROXY && remuxWhen == RemuxWhen.NEVER && videoCodec != null
                && (audioCodec == null || hasAudio());
    }

    /** Where the derivative of the original with this SHA-256 goes, relative to the proxies folder. */
    public String relativePath(String originalSha256) {
        return originalSha256.substring(0, 2) + "/" + originalSha256.substring(2, 4) + "/" + originalSha256 + outputSuffix;
    }
}
