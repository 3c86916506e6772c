package footage.pipeline.sample;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A recording as action and body cameras write it: the audio and video of a {@link VideoSpec} plus metadata
 * tracks (telemetry, timed text, KLV, timecode) that may run longer than the picture and sound.
 *
 * @param recording    the audio and video; its own format, faststart and keepFraction are ignored
 * @param format       "mp4", "mov" or "mpegts"
 * @param sideTracks   metadata tracks in stream order after the audio and video
 * @param timecode     a QuickTime timecode track (tmcd) for the video, mp4/mov only
 * @param videoSeconds where the video stops (later video packets are left out, audio goes on), or 0 for the whole
 * @param movieHeaderSeconds mp4/mov only: what the movie header (mvhd) states, as a camera's own muxer writes it
 *                     (the recording's length, or a planned one); 0 keeps what FFmpeg's muxer writes there, the
 *                     length of the longest track of any kind
 * @param keepFraction 1.0 keeps the whole file; less cuts it to that fraction of its bytes (a lost tail)
 */
public record CameraFileSpec(VideoSpec recording, String format, List<SideTrack> sideTracks, boolean timecode,
                             double videoSeconds, double movieHeaderSeconds, double keepFraction) {

    public static final String MP4 = "mp4";
    public static final String MOV = "mov";
    public static final String MPEG_TS = "mpegts";

    private static final Set<String> FORMATS = Set.of(MP4, MOV, MPEG_TS);

    public CameraFileSpec {
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(format, "format");
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("format must be one of " + FORMATS + " but was '" + format + "'");
        }
        sideTracks = List.copyOf(Objects.requireNonNull(sideTracks, "sideTracks"));
        for (SideTrack track : sideTracks) {
            if (track.kind().mpegTs() != MPEG_TS.equals(format)) {
                throw new IllegalArgumentException("a " + track.kind() + " track cannot be written to " + format);
            }
        }
        if (movieHeaderSeconds < 0 || !Double.isFinite(movieHeaderSeconds)) {
            throw new IllegalArgumentException("movieHeaderSeconds must be 0 (as muxed) or positive but was "
                    + movieHeaderSeconds);
        }
        if ((timecode || movieHeaderSeconds > 0) && MPEG_TS.equals(format)) {
            throw new IllegalArgumentException("timecode tracks and movie headers exist in mp4/mov only, not in "
                    + format);
        }
        if (videoSeconds < 0 || videoSeconds >= recording.durationSeconds()) {
            throw new IllegalArgumentException("videoSeconds must be 0 (whole) or less than the recording's "
                    + recording.durationSeconds() + " s but was " + videoSeconds);
        }
        if (!(keepFraction > 0 && keepFraction <= 1)) {
            throw new IllegalArgumentException("keepFraction must be in (0, 1] but was " + keepFraction);
        }
    }

    /** The whole recording in {@code format} with these metadata tracks. */
    public static CameraFileSpec of(VideoSpec recording, String format, SideTrack... sideTracks) {
        return new CameraFileSpec(recording, format, List.of(sideTracks), false, 0, 0, 1.0);
    }

    public CameraFileSpec withTimecode() {
        return new CameraFileSpec(recording, format, sideTracks, true, videoSeconds, movieHeaderSeconds,
                keepFraction);
    }

    public CameraFileSpec withVideoStoppingAt(double seconds) {
        return new CameraFileSpec(recording, format, sideTracks, timecode, seconds, movieHeaderSeconds,
                keepFraction);
    }

    /** The movie header states {@code seconds}, whatever the tracks last. */
    public CameraFileSpec withMovieHeaderStating(double seconds) {
        return new CameraFileSpec(recording, format, sideTracks, timecode, videoSeconds, seconds, keepFraction);
    }

    public CameraFileSpec truncatedTo(double fraction) {
        return new CameraFileSpec(recording, format, sideTracks, timecode, videoSeconds, movieHeaderSeconds,
                fraction);
    }

    /** The format to write the audio and video in before they are remuxed with the metadata tracks. */
    VideoSpec source() {
        VideoSpec whole = new VideoSpec(recording.width(), recording.height(), recording.frameRate(),
                recording.durationSeconds(), recording.audio(), recording.creationTime(), VideoSpec.MP4, true, 1.0);
        return MPEG_TS.equals(format) ? whole.asMpegTs() : whole;
    }

    /**
     * One metadata track: samples from 0 until {@code seconds} on the recording's clock (in MPEG-TS, where samples
     * state no duration, the last one is at {@code seconds}).
     *
     * @param kind    what the camera writes
     * @param seconds where the track ends
     */
    public record SideTrack(Kind kind, double seconds) {

        public SideTrack {
            Objects.requireNonNull(kind, "kind");
            if (!(seconds > 0) || !Double.isFinite(seconds)) {
                throw new IllegalArgumentException("a side track must last a positive time but was " + seconds);
            }
        }

        public static SideTrack gpmf(double seconds) {
            return new SideTrack(Kind.GPMF, seconds);
        }

        public static SideTrack timedText(double seconds) {
            return new SideTrack(Kind.TIMED_TEXT, seconds);
        }

        public static SideTrack klv(double seconds) {
            return new SideTrack(Kind.KLV, seconds);
        }
    }

    public enum Kind {
        /** GoPro telemetry: a data track tagged 'gpmd', one sample a second. */
        GPMF(1.0, false),
        /** 3GPP timed text (mov_text): captions such as a camera's GPS or clock overlay, one a second. */
        TIMED_TEXT(1.0, false),
        /** SMPTE KLV metadata in MPEG-TS, as drones and some body cameras stream position, twice a second. */
        KLV(0.5, true);

        final double sampleSeconds;
        private final boolean mpegTs;

        Kind(double sampleSeconds, boolean mpegTs) {
            this.sampleSeconds = sampleSeconds;
            this.mpegTs = mpegTs;
        }

        boolean mpegTs() {
            return mpegTs;
        }
    }
}
