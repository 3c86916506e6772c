package footage.pipeline.continuity;

import java.time.Duration;
import java.time.ZoneId;

/**
 * Thresholds of docs/formats.md §4 ({@code footage.continuity.*}).
 *
 * @param tolerance      |delta| up to this is one recording split into segments (default 2 s)
 * @param sessionBreak   a delta above this starts a new session rather than a gap (default 30 min)
 * @param maxClockOffset a device clock further off than this gets CLOCK_DRIFT (default 5 s)
 * @param lateUpload     dock time minus recording end above this gets LATE_UPLOAD (Art. 13: 24 h)
 * @param timeMismatch   file-name time and creation_time further apart than this get TIME_MISMATCH (2 s)
 * @param deviceZone     zone of the device clock (file names are device-local time)
 * @param noAudio        raise NO_AUDIO for a video without an audio stream (Art. 8)
 * @param audioSilent    raise AUDIO_SILENT for sound below the silence level longer than {@code silence}
 * @param silence        the shortest silence that is a finding (default 60 s)
 */
public record ContinuityRules(Duration tolerance, Duration sessionBreak, Duration maxClockOffset, Duration lateUpload,
                              Duration timeMismatch, ZoneId deviceZone, boolean noAudio, boolean audioSilent,
                              Duration silence) {

    /** The thresholds of time, with the sound checks of Art. 8 on at their defaults. */
    public ContinuityRules(Duration tolerance, Duration sessionBreak, Duration maxClockOffset, Duration lateUpload,
                           Duration timeMismatch, ZoneId deviceZone) {
        this(tolerance, sessionBreak, maxClockOffset, lateUpload, timeMismatch, deviceZone, true, true,
                Duration.ofSeconds(60));
    }

    public ContinuityRules {
        positive("silence", silence);
        positive("tolerance", tolerance);
        positive("session-break", sessionBreak);
        positive("max-clock-offset", maxClockOffset);
        positive("late-upload", lateUpload);
        positive("time-mismatch", timeMismatch);
        if (sessionBreak.compareTo(tolerance) <= 0) {
            throw new IllegalArgumentException("footage.continuity.session-break (" + sessionBreak
                    + ") must be longer than footage.continuity.tolerance (" + tolerance + ")");
        }
        if (deviceZone == null) {
            throw new IllegalArgumentException("footage.device-zone is required");
        }
    }

    public static ContinuityRules defaults(ZoneId zone) {
        return new ContinuityRules(Duration.ofSeconds(2), Duration.ofMinutes(30), Duration.ofSeconds(5),
                Duration.ofHours(24), Duration.ofSeconds(2), zone);
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("footage.continuity." + name + " must be a positive duration, got " + d);
        }
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
