package footage.pipeline.continuity;

import footage.pipeline.media.RecordingKind;
import footage.pipeline.media.SilentSpan;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One recording as the analysis sees it.
 *
 * @param key           stable identity (the SHA-256), used in finding ids
 * @param file          original file name, named in findings
 * @param dock          the docking it came in with (for the clock offset and the dock time)
 * @param nameStart     device-local start from the file name, or null
 * @param creationTime  container creation_time, or null
 * @param duration      seconds, or null when neither the container nor the packets tell
 * @param damaged       archived but truncated or partly undecodable
 * @param officerId     officer, for activities that name officers
 * @param timeProblem   why a time of the recording could not be read (an impossible date in its name or container),
 *                      one line; null when nothing was unreadable
 * @param damage        why it is damaged, as the catalog says (e.g. "73 decode errors between 4.20 s and 9.87 s"),
 *                      null when not known
 * @param damageFrom    where in the file the damage starts, seconds from its start; null when not known
 * @param damageTo      where it ends; null when not known
 * @param kind          video and audio are segments of time; a photo is an instant, placed but never closing a gap
 * @param audio         whether it has an audio stream; null when not known (then NO_AUDIO is not judged)
 * @param silences      where its sound is silent (spans the ingest kept); null when not checked
 */
public record Segment(String key, String file, Dock dock, LocalDateTime nameStart, Instant creationTime,
                      Double duration, boolean damaged, String officerId, List<Jump> jumps, String timeProblem,
                      String damage, Double damageFrom, Double damageTo, RecordingKind kind, Boolean audio,
                      List<SilentSpan> silences) {

    /** A segment whose sound was not examined. */
    public Segment(String key, String file, Dock dock, LocalDateTime nameStart, Instant creationTime, Double duration,
                   boolean damaged, String officerId, List<Jump> jumps, String timeProblem, String damage,
                   Double damageFrom, Double damageTo, RecordingKind kind) {
        this(key, file, dock, nameStart, creationTime, duration, damaged, officerId, jumps, timeProblem, damage,
                damageFrom, damageTo, kind, null, null);
    }

    /** A segment whose times were all readable and whose damage, if any, is not described further. */
    public Segment(String key, String file, Dock dock, LocalDateTime nameStart, Instant creationTime, Double duration,
                   boolean damaged, String officerId, List<Jump> jumps) {
        this(key, file, dock, nameStart, creationTime, duration, damaged, officerId, jumps, null);
    }

    /** A segment whose damage, if any, is not described further. */
    public Segment(String key, String file, Dock dock, LocalDateTime nameStart, Instant creationTime, Double duration,
                   boolean damaged, String officerId, List<Jump> jumps, String timeProblem) {
        this(key, file, dock, nameStart, creationTime, duration, damaged, officerId, jumps, timeProblem, null, null, null,
                RecordingKind.VIDEO);
    }

    public Segment {
        if (key == null || file == null || dock == null) {
            throw new IllegalArgumentException("a segment needs a key, a file name and its dock");
        }
        jumps = jumps == null ? List.of() : List.copyOf(jumps);
        kind = kind == null ? RecordingKind.VIDEO : kind;
        silences = silences == null ? null : List.copyOf(silences);
        if ((damageFrom == null) != (damageTo == null) || damageFrom != null && damageTo < damageFrom) {
            throw new IllegalArgumentException("a segment's damage span needs a start and an end not before it");
        }
    }

    /** A photo: a moment, not a stretch of time. */
    public boolean instant() {
        return kind == RecordingKind.PHOTO;
    }
}
