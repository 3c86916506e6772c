package footage.pipeline.media;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What probing one file found. An unreadable file has a reason and nothing else; a readable file
 * may still be {@code truncated} (damaged but usable evidence).
 *
 * @param file               the path as given to the probe
 * @param readable           FFmpeg opened it and found audio or video, or it is a photo metadata-extractor can read
 * @param error              one-line reason when not readable, else null
 * @param container          FFmpeg input format name, e.g. "mov,mp4,m4a,3gp,3g2,mj2"
 * @param durationSeconds    how long the container states the audio and video last: the movie header (mvhd) for
 *                           MP4/MOV, else FFmpeg's format duration; a length that only a data or subtitle track
 *                           reaches is not the recording's and gives way to the longest audio or video stream's
 *                           stated duration, as does a container that states none; null when unknown
 * @param creationTime       container creation_time as an ISO-8601 UTC instant ("...Z"), null when absent;
 *                           kept verbatim when it cannot be parsed
 * @param streams            all streams in index order
 * @param packetCount        packets read from all streams
 * @param videoPacketCount   packets read from the main video stream (see {@link #video()})
 * @param firstVideoTimestamp lowest video packet timestamp in seconds (pts, else dts), null without video packets
 * @param lastVideoTimestamp  highest video packet timestamp in seconds, null without video packets
 * @param truncated          the main video's (else audio's) packets end clearly before what the container or any
 *                           audio or video stream states, or reading failed before the end; data, subtitle and
 *                           timecode tracks never count
 * @param truncation         one-line reason when truncated, else null
 * @param mediaSeconds       where the media really ends (last packet end relative to the container start), null
 *                           without packets; less than {@code durationSeconds} when truncated
 * @param jumps              video timestamp discontinuities, in file order
 * @param scan               "index" when timestamps came from the container's index without reading packet data,
 *                           "packets" when every packet was read; null for photos
 * @param kind               VIDEO when a picture stream moves (cover art does not count), AUDIO when only sound, PHOTO
 *                           for a still picture (its first bytes said so); null when unreadable and not a photo
 * @param photo              a photo's own facts (size, EXIF time, camera), null for other kinds
 */
public record ProbeResult(String file, boolean readable, String error, String container, Double durationSeconds,
                          String creationTime, List<StreamInfo> streams, long packetCount, long videoPacketCount,
                          Double firstVideoTimestamp, Double lastVideoTimestamp, boolean truncated,
                          String truncation, Double mediaSeconds, List<TimestampJump> jumps, String scan,
                          RecordingKind kind, PhotoFacts photo) {

    public ProbeResult {
        Objects.requireNonNull(file, "file");
        if (readable == (error != null)) {
            throw new IllegalArgumentException(readable
                    ? "a readable result must not carry an error but had '" + error + "'"
                    : "an unreadable result needs an error reason");
        }
        if (error != null && error.isBlank()) {
            throw new IllegalArgumentException("error reason must not be blank");
        }
        if (truncated == (truncation == null)) {
            throw new IllegalArgumentException(truncated
                    ? "a truncated result needs a truncation reason"
                    : "truncation reason given but truncated is false: '" + truncation + "'");
        }
        if (packetCount < 0 || videoPacketCount < 0 || videoPacketCount > packetCount) {
            throw new IllegalArgumentException("packet counts must satisfy 0 <= videoPacketCount <= packetCount but were "
                    + videoPacketCount + " and " + packetCount);
        }
        if (readable && kind == null) {
            throw new IllegalArgumentException("a readable result needs its kind");
        }
        if ((photo != null) != (readable && kind == RecordingKind.PHOTO)) {
            throw new IllegalArgumentException("photo facts belong to a readable photo, and only to one; kind was "
                    + kind + ", readable " + readable);
        }
        streams = List.copyOf(Objects.requireNonNull(streams, "streams"));
        jumps = jumps == null ? List.of() : List.copyOf(jumps);
    }

    /** Why {@code creationTime} is present but no real instant (e.g. 29 February 2023), in one line; else null. */
    public String creationTimeProblem() {
        return CreationTimes.problem(creationTime);
    }

    public static ProbeResult unreadable(String file, String error) {
        return unreadable(file, error, null);
    }

    /** Unreadable, but its first bytes said what it is (a photo metadata-extractor cannot parse). */
    public static ProbeResult unreadable(String file, String error, RecordingKind kind) {
        return new ProbeResult(file, false, error, null, null, null, List.of(), 0, 0, null, null, false, null, null,
                List.of(), null, kind, null);
    }

    /** The main video stream: the first one of type video. */
    public Optional<StreamInfo> video() {
        return streams.stream().filter(StreamInfo::isVideo).findFirst();
    }

    public boolean hasAudio() {
        return streams.stream().anyMatch(StreamInfo::isAudio);
    }
}
