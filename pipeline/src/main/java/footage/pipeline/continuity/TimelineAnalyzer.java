package footage.pipeline.continuity;

import footage.pipeline.media.RecordingKind;
import footage.pipeline.media.SilentSpan;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The time model of docs/formats.md §4, pure and without I/O: places a device's segments on the reference clock and
 * finds gaps, overlaps, discontinuities, damage, clock drift, late uploads, time mismatches, unverified clocks and
 * unreadable times.
 */
public final class TimelineAnalyzer {

    private final ContinuityRules rules;
    private final double tolerance;
    private final double sessionBreak;

    public TimelineAnalyzer(ContinuityRules rules) {
        this.rules = rules;
        this.tolerance = ContinuityRules.seconds(rules.tolerance());
        this.sessionBreak = ContinuityRules.seconds(rules.sessionBreak());
    }

    /** Analyses one device: its segments (any order) and every dock they came in with. */
    public DeviceTimeline analyze(String deviceId, List<Segment> segments, List<Dock> docks) {
        List<TimelineFinding> findings = new ArrayList<>();
        for (Dock dock : docks) {
            dockFindings(deviceId, dock, findings);
        }
        List<PlacedSegment> placed = new ArrayList<>(segments.size());
        for (Segment s : segments) {
            PlacedSegment p = place(deviceId, s, findings);
            if (p != null) {
                placed.add(p);
                segmentFindings(deviceId, p, findings);
            }
            if (s.timeProblem() != null) {
                unreadable(deviceId, s, p, findings);
            }
            soundFindings(deviceId, s, p, findings);
        }
        placed.sort(Comparator.comparing(PlacedSegment::start).thenComparing(p -> p.segment().key()));
        // a photo shows a moment, not that the device was recording: it neither closes nor opens a gap
        betweenSegments(deviceId, placed.stream().filter(p -> !p.segment().instant()).toList(), findings);
        return new DeviceTimeline(deviceId, placed, findings);
    }

    private void dockFindings(String deviceId, Dock dock, List<TimelineFinding> out) {
        Double offset = dock.offsetSeconds();
        Instant at = dock.dockedAt() == null ? null : dock.dockedAt().toInstant();
        if (offset == null) {
            out.add(new TimelineFinding(key(FindingKind.CLOCK_UNVERIFIED, deviceId, "dock", dock.key()),
                    FindingKind.CLOCK_UNVERIFIED, deviceId, at, at, null, List.of(), null, dock.key(), null,
                    "the device clock was not read at docking: times are the device's own, uncorrected"));
            return;
        }
        if (Math.abs(offset) > ContinuityRules.seconds(rules.maxClockOffset())) {
            out.add(new TimelineFinding(key(FindingKind.CLOCK_DRIFT, deviceId, "dock", dock.key()),
                    FindingKind.CLOCK_DRIFT, deviceId, at, at, offset, List.of(), null, dock.key(), null,
                    String.format(java.util.Locale.ROOT, "device clock %s by %.1f s at docking (allowed %.1f s)",
                            offset > 0 ? "fast" : "slow", Math.abs(offset), ContinuityRules.seconds(rules.maxClockOffset()))));
        }
    }

    /** Device start (file name, else creation_time) minus the dock's clock offset. */
    private PlacedSegment place(String deviceId, Segment s, List<TimelineFinding> out) {
        Instant nameInstant = s.nameStart() == null ? null : s.nameStart().atZone(rules.deviceZone()).toInstant();
        Instant deviceStart;
        String source;
        if (nameInstant != null) {
            deviceStart = nameInstant;
            source = "FILE_NAME";
            if (s.creationTime() != null) {
                timeMismatch(deviceId, s, nameInstant, out);
            }
        } else if (s.creationTime() != null) {
            deviceStart = s.creationTime();
            source = "CREATION_TIME";
        } else {
            out.add(new TimelineFinding(key(FindingKind.CLOCK_UNVERIFIED, deviceId, "recording", s.key()),
                    FindingKind.CLOCK_UNVERIFIED, deviceId, null, null, null, List.of(s.file()), s.key(), s.dock().key(),
                    null, s.timeProblem() != null ? "start unknown: " + s.timeProblem() + "; no other time to go by"
                    : "start unknown: neither the file name nor the container gives a time"));
            return null;
        }
        Double offset = s.dock().offsetSeconds();
        Instant start = offset == null ? deviceStart : deviceStart.minusNanos(Math.round(offset * 1e9));
        Instant end = s.instant() ? start : s.duration() == null ? null : start.plusNanos(Math.round(s.duration() * 1e9));
        return new PlacedSegment(s, start, end, source);
    }

    /** An impossible date was not corrected: the recording sits where its other time puts it, or nowhere. */
    private static void unreadable(String deviceId, Segment s, PlacedSegment p, List<TimelineFinding> out) {
        out.add(new TimelineFinding(key(FindingKind.TIME_UNREADABLE, deviceId, s.key()), FindingKind.TIME_UNREADABLE,
                deviceId, p == null ? null : p.start(), p == null ? null : p.end(), null, List.of(s.file()), s.key(),
                s.dock().key(), null, s.timeProblem()));
    }

    private void timeMismatch(String deviceId, Segment s, Instant nameInstant, List<TimelineFinding> out) {
        double diff = Duration.between(nameInstant, s.creationTime()).toNanos() / 1e9;
        double limit = ContinuityRules.seconds(rules.timeMismatch());
        if (Math.abs(diff) <= limit) {
            return;
        }
        // devices often write their local time marked as UTC: off by exactly the zone's UTC offset is that quirk
        ZoneOffset zoneOffset = rules.deviceZone().getRules().getOffset(nameInstant);
        if (Math.abs(diff - zoneOffset.getTotalSeconds()) <= limit) {
            return;
        }
        out.add(new TimelineFinding(key(FindingKind.TIME_MISMATCH, deviceId, s.key()), FindingKind.TIME_MISMATCH,
                deviceId, nameInstant, s.creationTime(), diff, List.of(s.file()), s.key(), s.dock().key(), null,
                String.format(java.util.Locale.ROOT, "file name says %s, %s says %s (%.1f s apart)", s.nameStart(),
                        s.instant() ? "EXIF DateTimeOriginal" : "container creation_time", s.creationTime(), diff)));
    }

    private void segmentFindings(String deviceId, PlacedSegment p, List<TimelineFinding> out) {
        Segment s = p.segment();
        if (s.damaged()) {
            // where in the recording the damage is, when the catalog knows it (the decode check's error span)
            Instant start = s.damageFrom() == null ? p.start() : p.start().plusNanos(Math.round(s.damageFrom() * 1e9));
            Instant end = s.damageFrom() == null ? p.end() : p.start().plusNanos(Math.round(s.damageTo() * 1e9));
            Double seconds = s.damageFrom() == null ? s.duration() : Double.valueOf(s.damageTo() - s.damageFrom());
            out.add(new TimelineFinding(key(FindingKind.DAMAGED, deviceId, s.key()), FindingKind.DAMAGED, deviceId,
                    start, end, seconds, List.of(s.file()), s.key(), s.dock().key(), null,
                    s.damage() != null ? s.damage() : "recording is truncated or partly undecodable"));
        }
        int n = 0;
        for (Jump j : s.jumps()) {
            Instant from = p.start().plusNanos(Math.round(j.fromSeconds() * 1e9));
            Instant to = p.start().plusNanos(Math.round(j.toSeconds() * 1e9));
            out.add(new TimelineFinding(key(FindingKind.DISCONTINUITY, deviceId, s.key(), Integer.toString(n++)),
                    FindingKind.DISCONTINUITY, deviceId, from, to, j.seconds(), List.of(s.file()), s.key(),
                    s.dock().key(), null, String.format(java.util.Locale.ROOT,
                    "video timestamps jump %s by %.3f s at %.3f s into the file", j.seconds() < 0 ? "back" : "forward",
                    Math.abs(j.seconds()), j.fromSeconds())));
        }
        if (p.end() != null && s.dock().dockedAt() != null) {
            Instant docked = s.dock().dockedAt().toInstant();
            double late = Duration.between(p.end(), docked).toNanos() / 1e9;
            if (late > ContinuityRules.seconds(rules.lateUpload())) {
                out.add(new TimelineFinding(key(FindingKind.LATE_UPLOAD, deviceId, s.key()), FindingKind.LATE_UPLOAD,
                        deviceId, p.end(), docked, late, List.of(s.file()), s.key(), s.dock().key(), null,
                        String.format(java.util.Locale.ROOT, "docked %.1f h after the recording ended (limit %d h)",
                                late / 3600, rules.lateUpload().toHours())));
            }
        }
    }

    /**
     * Art. 8 asks for sound and picture for the whole process: a video without sound, and sound that stays silent
     * longer than {@code footage.continuity.silence}. Raised for a recording whose time is unknown too (then without
     * times), so none goes unnoticed.
     */
    private void soundFindings(String deviceId, Segment s, PlacedSegment p, List<TimelineFinding> out) {
        if (rules.noAudio() && s.kind() == RecordingKind.VIDEO && Boolean.FALSE.equals(s.audio())) {
            out.add(new TimelineFinding(key(FindingKind.NO_AUDIO, deviceId, s.key()), FindingKind.NO_AUDIO, deviceId,
                    p == null ? null : p.start(), p == null ? null : p.end(), s.duration(), List.of(s.file()), s.key(),
                    s.dock().key(), null, "video without an audio stream: no sound was recorded (Art. 8)"));
        }
        if (!rules.audioSilent() || s.silences() == null) {
            return;
        }
        double shortest = ContinuityRules.seconds(rules.silence());
        for (SilentSpan span : s.silences()) {
            if (span.seconds() < shortest) {
                continue;
            }
            Instant from = p == null ? null : p.start().plusNanos(Math.round(span.fromSeconds() * 1e9));
            Instant to = p == null ? null : p.start().plusNanos(Math.round(span.toSeconds() * 1e9));
            out.add(new TimelineFinding(key(FindingKind.AUDIO_SILENT, deviceId, s.key(),
                    String.format(java.util.Locale.ROOT, "%.1f", span.fromSeconds())), FindingKind.AUDIO_SILENT,
                    deviceId, from, to, span.seconds(), List.of(s.file()), s.key(), s.dock().key(), null,
                    String.format(java.util.Locale.ROOT, "sound silent for %.1f s, from %.1f s to %.1f s into the file "
                            + "(longer than %.0f s)", span.seconds(), span.fromSeconds(), span.toSeconds(), shortest)));
        }
    }

    /** Walks the sorted segments keeping the latest end so far, so a segment inside another hides no gap. */
    private void betweenSegments(String deviceId, List<PlacedSegment> placed, List<TimelineFinding> out) {
        PlacedSegment last = null;
        Instant lastEnd = null;
        for (PlacedSegment next : placed) {
            if (last != null && lastEnd != null) {
                double delta = Duration.between(lastEnd, next.start()).toNanos() / 1e9;
                List<String> pair = List.of(last.segment().file(), next.segment().file());
                if (delta > tolerance && delta <= sessionBreak) {
                    out.add(new TimelineFinding(key(FindingKind.GAP, deviceId, last.segment().key(), next.segment().key()),
                            FindingKind.GAP, deviceId, lastEnd, next.start(), delta, pair, next.segment().key(), null, null,
                            String.format(java.util.Locale.ROOT, "%.1f s without recording between %s and %s", delta,
                                    pair.get(0), pair.get(1))));
                } else if (delta < -tolerance) {
                    Instant overlapEnd = next.end() == null || next.end().isAfter(lastEnd) ? lastEnd : next.end();
                    double seconds = Duration.between(next.start(), overlapEnd).toNanos() / 1e9;
                    out.add(new TimelineFinding(key(FindingKind.OVERLAP, deviceId, last.segment().key(), next.segment().key()),
                            FindingKind.OVERLAP, deviceId, next.start(), overlapEnd, seconds, pair, next.segment().key(),
                            null, null, String.format(java.util.Locale.ROOT, "%s starts %.1f s before %s ends",
                            pair.get(1), seconds, pair.get(0))));
                }
            }
            if (next.end() == null) {
                // it may have run until the next one starts: no gap or overlap can be claimed after it
                if (lastEnd == null || next.start().isAfter(lastEnd)) {
                    lastEnd = null;
                    last = next;
                }
            } else if (lastEnd == null || next.end().isAfter(lastEnd)) {
                lastEnd = next.end();
                last = next;
            }
        }
    }

    /**
     * Coverage of an activity window by the given device timelines, and its holes as GAP findings with the activity
     * id: a late start, an early stop, and every hole longer than the tolerance (also across a session break).
     */
    public ActivityCoverage coverage(Activity activity, List<DeviceTimeline> timelines) {
        List<TimelineFinding> gaps = new ArrayList<>();
        double covered = 0;
        List<Instant[]> all = new ArrayList<>();
        for (DeviceTimeline t : timelines) {
            List<Instant[]> intervals = new ArrayList<>();
            for (PlacedSegment p : t.segments()) {
                boolean relevant = !p.segment().instant() && (activity.devices().contains(t.deviceId())
                        || activity.officers().contains(p.segment().officerId()));
                if (relevant && p.end() != null && p.end().isAfter(activity.start()) && p.start().isBefore(activity.end())) {
                    intervals.add(new Instant[] {max(p.start(), activity.start()), min(p.end(), activity.end())});
                }
            }
            boolean expected = activity.devices().contains(t.deviceId()) || !intervals.isEmpty();
            if (!expected) {
                continue;
            }
            all.addAll(intervals);
            holes(activity, t.deviceId(), merge(intervals), gaps);
        }
        for (Instant[] i : merge(all)) {
            covered += Duration.between(i[0], i[1]).toNanos() / 1e9;
        }
        double window = Duration.between(activity.start(), activity.end()).toNanos() / 1e9;
        return new ActivityCoverage(activity, covered, window, gaps);
    }

    private void holes(Activity a, String deviceId, List<Instant[]> merged, List<TimelineFinding> out) {
        Instant cursor = a.start();
        for (Instant[] i : merged) {
            hole(a, deviceId, cursor, i[0], cursor.equals(a.start()) ? "late start" : "hole", out);
            cursor = max(cursor, i[1]);
        }
        hole(a, deviceId, cursor, a.end(), merged.isEmpty() ? "nothing recorded" : "early stop", out);
    }

    private void hole(Activity a, String deviceId, Instant from, Instant to, String what, List<TimelineFinding> out) {
        double seconds = Duration.between(from, to).toNanos() / 1e9;
        if (seconds > tolerance) {
            out.add(new TimelineFinding(key(FindingKind.GAP, deviceId, "activity", a.id(), from.toString()), FindingKind.GAP,
                    deviceId, from, to, seconds, List.of(), null, null, a.id(),
                    String.format(java.util.Locale.ROOT, "%s in activity %s: %.1f s not recorded", what, a.id(), seconds)));
        }
    }

    private static List<Instant[]> merge(List<Instant[]> intervals) {
        intervals.sort(Comparator.comparing(i -> i[0]));
        List<Instant[]> merged = new ArrayList<>();
        for (Instant[] i : intervals) {
            if (!merged.isEmpty() && !i[0].isAfter(merged.get(merged.size() - 1)[1])) {
                Instant[] last = merged.get(merged.size() - 1);
                last[1] = max(last[1], i[1]);
            } else {
                merged.add(new Instant[] {i[0], i[1]});
            }
        }
        return merged;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    static String key(FindingKind kind, String... parts) {
        return kind + "|" + String.join("|", parts);
    }

    /** Keys of findings, for callers that keep findings across runs. */
    public static Set<String> keys(List<TimelineFinding> findings) {
        Set<String> keys = new HashSet<>();
        findings.forEach(f -> keys.add(f.key()));
        return keys;
    }
}
