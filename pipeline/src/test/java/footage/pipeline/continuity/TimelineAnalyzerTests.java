package footage.pipeline.continuity;

import footage.pipeline.media.RecordingKind;
import footage.pipeline.media.SilentSpan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TimelineAnalyzerTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ContinuityRules RULES = ContinuityRules.defaults(SHANGHAI);
    private static final OffsetDateTime DOCKED = OffsetDateTime.parse("2019-02-17T18:05:12+08:00");
    private static final Dock ACCURATE = new Dock("dump-1", "D1", DOCKED, DOCKED);
    private static final LocalDateTime T0 = LocalDateTime.parse("2019-02-17T09:30:00");

    private final TimelineAnalyzer analyzer = new TimelineAnalyzer(RULES);

    private static Segment seg(String name, Dock dock, LocalDateTime start, Double seconds) {
        return new Segment("sha-" + name, name, dock, start, null, seconds, false, "100234", List.of());
    }

    private static Segment seg(String name, LocalDateTime start, Double seconds, RecordingKind kind) {
        return new Segment("sha-" + name, name, ACCURATE, start, null, seconds, false, "100234", List.of(), null, null,
                null, null, kind);
    }

    private static Segment seg(String name, LocalDateTime start, double seconds) {
        return seg(name, ACCURATE, start, seconds);
    }

    private List<TimelineFinding> findings(FindingKind kind, DeviceTimeline t) {
        return t.findings().stream().filter(f -> f.kind() == kind).toList();
    }

    @ParameterizedTest(name = "next starts {0} s after the previous end -> {1}")
    @CsvSource({
            "0, NONE", "2.0, NONE", "-2.0, NONE", // within the tolerance: one recording split into segments
            "2.5, GAP", "1800, GAP",             // up to the session break: a gap
            "1800.5, NONE",                      // beyond it: a new session
            "-2.5, OVERLAP"})
    void classifiesTheDeltaBetweenSegmentsAtTheEdgesOfTheRules(double delta, String expected) {
        // given
        Segment a = seg("a.mp4", T0, 20);
        Segment b = seg("b.mp4", T0.plusNanos(Math.round((20 + delta) * 1e9)), 20);

        // when
        DeviceTimeline t = analyzer.analyze("D1", List.of(b, a), List.of(ACCURATE));

        // then
        List<TimelineFinding> between = t.findings().stream()
                .filter(f -> f.kind() == FindingKind.GAP || f.kind() == FindingKind.OVERLAP).toList();
        if (expected.equals("NONE")) {
            assertThat(between).isEmpty();
        } else {
            assertThat(between).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(FindingKind.valueOf(expected));
                assertThat(f.seconds()).isCloseTo(Math.abs(delta), within(1e-6));
                assertThat(f.recordings()).containsExactly("a.mp4", "b.mp4");
            });
        }
    }

    @Test
    void aPhotoBetweenTwoVideosIsAnInstantAndDoesNotCloseTheGap() {
        // given 60 s of video, a photo 30 s later, the next video 60 s after the first ended
        Segment a = seg("a.mp4", T0, 60.0, RecordingKind.VIDEO);
        Segment photo = seg("p.jpg", T0.plusSeconds(90), null, RecordingKind.PHOTO);
        Segment b = seg("b.mp4", T0.plusSeconds(120), 60.0, RecordingKind.VIDEO);

        // when
        DeviceTimeline t = analyzer.analyze("D1", List.of(a, photo, b), List.of(ACCURATE));

        // then
        assertThat(findings(FindingKind.GAP, t)).singleElement().satisfies(g -> {
            assertThat(g.seconds()).isEqualTo(60.0, within(1e-6));
            assertThat(g.recordings()).containsExactly("a.mp4", "b.mp4");
        });
        PlacedSegment placedPhoto = t.segments().stream().filter(p -> p.segment().file().equals("p.jpg")).findFirst().orElseThrow();
        assertThat(placedPhoto.end()).isEqualTo(placedPhoto.start());
    }

    @Test
    void anAudioRecordingBetweenTwoVideosClosesTheGap() {
        // given
        Segment a = seg("a.mp4", T0, 60.0, RecordingKind.VIDEO);
        Segment audio = seg("r.wav", T0.plusSeconds(60), 60.0, RecordingKind.AUDIO);
        Segment b = seg("b.mp4", T0.plusSeconds(120), 60.0, RecordingKind.VIDEO);

        // when
        DeviceTimeline t = analyzer.analyze("D1", List.of(a, audio, b), List.of(ACCURATE));

        // then
        assertThat(findings(FindingKind.GAP, t)).isEmpty();
        assertThat(findings(FindingKind.OVERLAP, t)).isEmpty();
    }

    @Test
    void aPhotoDoesNotCoverAnActivity() {
        // given an activity of 60 s on D1 with only a photo inside it
        Instant start = T0.atZone(SHANGHAI).toInstant();
        Activity activity = new Activity("A1", "CASE-1", start, start.plusSeconds(60), Set.of("D1"), Set.of());
        Segment photo = seg("p.jpg", T0.plusSeconds(30), null, RecordingKind.PHOTO);

        // when
        ActivityCoverage coverage = analyzer.coverage(activity,
                List.of(analyzer.analyze("D1", List.of(photo), List.of(ACCURATE))));

        // then
        assertThat(coverage.percent()).isZero();
        assertThat(coverage.gaps()).singleElement().satisfies(g -> assertThat(g.seconds()).isEqualTo(60.0, within(1e-6)));
    }

    private static Segment sound(String name, RecordingKind kind, Boolean audio, List<SilentSpan> silences) {
        return new Segment(name, name, ACCURATE, T0, null, 120.0, false, null, List.of(), null, null, null, null, kind,
                audio, silences);
    }

    @Test
    void aVideoWithoutAnAudioStreamIsNoAudioUnlessSwitchedOff() {
        // given
        Segment mute = sound("mute.mp4", RecordingKind.VIDEO, false, null);
        Segment unknown = sound("unknown.mp4", RecordingKind.VIDEO, null, null);
        Segment photo = sound("p.jpg", RecordingKind.PHOTO, false, null);
        ContinuityRules off = new ContinuityRules(RULES.tolerance(), RULES.sessionBreak(), RULES.maxClockOffset(),
                RULES.lateUpload(), RULES.timeMismatch(), SHANGHAI, false, true, RULES.silence());

        // when
        DeviceTimeline on = analyzer.analyze("D1", List.of(mute, unknown, photo), List.of(ACCURATE));
        DeviceTimeline switchedOff = new TimelineAnalyzer(off).analyze("D1", List.of(mute), List.of(ACCURATE));

        // then
        assertThat(findings(FindingKind.NO_AUDIO, on)).singleElement().satisfies(f -> {
            assertThat(f.recordings()).containsExactly("mute.mp4");
            assertThat(f.start()).isEqualTo(T0.atZone(SHANGHAI).toInstant());
            assertThat(f.seconds()).isEqualTo(120.0);
            assertThat(f.detail()).contains("without an audio stream");
        });
        assertThat(findings(FindingKind.NO_AUDIO, switchedOff)).isEmpty();
    }

    @Test
    void silenceLongerThanTheRuleIsAudioSilentWhereItIsInTheRecording() {
        // given: 90 s silent from 20 s in, and 30 s silent (shorter than 60 s) from 5 s in
        Segment recording = sound("r.wav", RecordingKind.AUDIO, true,
                List.of(new SilentSpan(20, 110), new SilentSpan(0, 30)));
        ContinuityRules off = new ContinuityRules(RULES.tolerance(), RULES.sessionBreak(), RULES.maxClockOffset(),
                RULES.lateUpload(), RULES.timeMismatch(), SHANGHAI, true, false, RULES.silence());

        // when
        DeviceTimeline on = analyzer.analyze("D1", List.of(recording), List.of(ACCURATE));
        DeviceTimeline switchedOff = new TimelineAnalyzer(off).analyze("D1", List.of(recording), List.of(ACCURATE));

        // then
        assertThat(findings(FindingKind.AUDIO_SILENT, on)).singleElement().satisfies(f -> {
            assertThat(f.start()).isEqualTo(T0.plusSeconds(20).atZone(SHANGHAI).toInstant());
            assertThat(f.end()).isEqualTo(T0.plusSeconds(110).atZone(SHANGHAI).toInstant());
            assertThat(f.seconds()).isEqualTo(90.0);
            assertThat(f.detail()).isEqualTo("sound silent for 90.0 s, from 20.0 s to 110.0 s into the file (longer than 60 s)");
        });
        assertThat(findings(FindingKind.AUDIO_SILENT, switchedOff)).isEmpty();
    }

    @Test
    void gapIsPlacedOnTheReferenceClockAfterRemovingAFastDeviceClock() {
        // given a device clock 95 s fast at docking
        Dock fast = new Dock("dump-2", "D1", DOCKED, DOCKED.plusSeconds(95));
        Segment a = seg("a.mp4", fast, T0, 20.0);
        Segment b = seg("b.mp4", fast, T0.plusSeconds(50), 20.0);

        // when
        DeviceTimeline t = analyzer.analyze("D1", List.of(a, b), List.of(fast));

        // then the device said 09:30:20 local; the reference time was 95 s earlier
        TimelineFinding gap = findings(FindingKind.GAP, t).get(0);
        assertThat(gap.start()).isEqualTo(Instant.parse("2019-02-17T01:28:45Z"));
        assertThat(gap.end()).isEqualTo(Instant.parse("2019-02-17T01:29:15Z"));
        assertThat(gap.seconds()).isEqualTo(30.0);
        assertThat(findings(FindingKind.CLOCK_DRIFT, t)).singleElement().satisfies(d -> {
            assertThat(d.seconds()).isEqualTo(95.0);
            assertThat(d.start()).isEqualTo(DOCKED.toInstant()).isEqualTo(d.end());
        });
    }

    @Test
    void aSlowDeviceClockMovesRecordingsLater() {
        // given a device clock 10 s slow
        Dock slow = new Dock("dump-3", "D1", DOCKED, DOCKED.minusSeconds(10));

        // when
        DeviceTimeline t = analyzer.analyze("D1", List.of(seg("a.mp4", slow, T0, 20.0)), List.of(slow));

        // then
        assertThat(t.segments().get(0).start()).isEqualTo(T0.atZone(SHANGHAI).toInstant().plusSeconds(10));
        assertThat(findings(FindingKind.CLOCK_DRIFT, t).get(0).seconds()).isEqualTo(-10.0);
    }

    @ParameterizedTest
    @CsvSource({"5.0, false", "5.001, true", "-5.001, true"})
    void clockDriftOnlyBeyondTheAllowedOffset(double offset, boolean drift) {
        Dock dock = new Dock("d", "D1", DOCKED, DOCKED.plusNanos(Math.round(offset * 1e9)));
        assertThat(findings(FindingKind.CLOCK_DRIFT, analyzer.analyze("D1", List.of(), List.of(dock)))).hasSize(drift ? 1 : 0);
    }

    @Test
    void anUnreadClockIsUnverifiedAndTimesStayUncorrected() {
        // given a dump without a manifest
        Dock unknown = new Dock("dump-4", "D1", null, null);

        // when
        DeviceTimeline t = analyzer.analyze("D1", List.of(seg("a.mp4", unknown, T0, 10.0)), List.of(unknown));

        // then
        assertThat(findings(FindingKind.CLOCK_UNVERIFIED, t)).hasSize(1);
        assertThat(t.segments().get(0).start()).isEqualTo(T0.atZone(SHANGHAI).toInstant());
    }

    @ParameterizedTest(name = "creation_time {0} s after the file-name time -> mismatch {1}")
    @CsvSource({"0, false", "2, false", "3, true", "-3, true",
            "28800, false",   // local time written as UTC: exactly the +08:00 zone offset
            "28801, false", "28803, true", "-28800, true"})
    void timeMismatchExceptTheLocalTimeAsUtcQuirk(long seconds, boolean mismatch) {
        // given
        Instant nameInstant = T0.atZone(SHANGHAI).toInstant();
        Segment s = new Segment("sha", "a.mp4", ACCURATE, T0, nameInstant.plusSeconds(seconds), 10.0, false, null, List.of());

        // when
        DeviceTimeline t = analyzer.analyze("D1", List.of(s), List.of(ACCURATE));

        // then
        assertThat(findings(FindingKind.TIME_MISMATCH, t)).hasSize(mismatch ? 1 : 0);
    }

    @Test
    void creationTimeIsTheStartWhenTheNameHasNone() {
        Instant created = Instant.parse("2019-02-17T01:30:00Z");
        Segment s = new Segment("sha", "clip.mp4", ACCURATE, null, created, 10.0, false, null, List.of());
        DeviceTimeline t = analyzer.analyze("D1", List.of(s), List.of(ACCURATE));
        assertThat(t.segments().get(0).start()).isEqualTo(created);
        assertThat(t.segments().get(0).startSource()).isEqualTo("CREATION_TIME");
    }

    @Test
    void aSegmentWithoutAnyStartIsUnverifiedAndLeftOffTheTimeline() {
        Segment s = new Segment("sha", "clip.mp4", ACCURATE, null, null, 10.0, false, null, List.of());
        DeviceTimeline t = analyzer.analyze("D1", List.of(s), List.of(ACCURATE));
        assertThat(t.segments()).isEmpty();
        assertThat(findings(FindingKind.CLOCK_UNVERIFIED, t)).singleElement()
                .satisfies(f -> assertThat(f.recordingKey()).isEqualTo("sha"));
    }

    @Test
    void anUnknownDurationBoundsNoGapAndTheNextIsMeasuredFromItsStart() {
        // given a: 20 s, b: unknown length starting 10 s after a ends, c: starting 5 s after b starts
        Segment a = seg("a.mp4", T0, 20);
        Segment b = seg("b.mp4", ACCURATE, T0.plusSeconds(30), null);
        Segment c = seg("c.mp4", T0.plusSeconds(35), 20);

        // when
        DeviceTimeline t = analyzer.analyze("D1", List.of(a, b, c), List.of(ACCURATE));

        // then the gap a->b is found, none is claimed after b
        assertThat(findings(FindingKind.GAP, t)).singleElement().satisfies(g -> {
            assertThat(g.recordings()).containsExactly("a.mp4", "b.mp4");
            assertThat(g.seconds()).isEqualTo(10.0);
        });
        assertThat(t.segments().get(1).end()).isNull();
    }

    @Test
    void aSegmentInsideAnotherHidesNoGapAndIsAnOverlap() {
        // given a long segment containing a short one, then a third 1 s after the long one ends
        Segment longOne = seg("long.mp4", T0, 100);
        Segment inner = seg("inner.mp4", T0.plusSeconds(10), 10);
        Segment after = seg("after.mp4", T0.plusSeconds(101), 10);

        // when
        DeviceTimeline t = analyzer.analyze("D1", List.of(after, inner, longOne), List.of(ACCURATE));

        // then
        assertThat(findings(FindingKind.GAP, t)).isEmpty();
        assertThat(findings(FindingKind.OVERLAP, t)).singleElement()
                .satisfies(o -> assertThat(o.seconds()).isEqualTo(10.0));
    }

    @Test
    void lateUploadWhenDockedMoreThan24HoursAfterTheRecordingEnded() {
        // given
        OffsetDateTime docked = T0.atZone(SHANGHAI).toOffsetDateTime().plusHours(24).plusSeconds(21);
        Dock late = new Dock("late", "D1", docked, docked);
        Dock onTime = new Dock("ontime", "D1", docked.minusSeconds(2), docked.minusSeconds(2));

        // when
        DeviceTimeline lateT = analyzer.analyze("D1", List.of(seg("a.mp4", late, T0, 20.0)), List.of(late));
        DeviceTimeline onTimeT = analyzer.analyze("D1", List.of(seg("a.mp4", onTime, T0, 20.0)), List.of(onTime));

        // then
        assertThat(findings(FindingKind.LATE_UPLOAD, lateT)).singleElement().satisfies(f -> {
            assertThat(f.start()).isEqualTo(T0.atZone(SHANGHAI).toInstant().plusSeconds(20));
            assertThat(f.end()).isEqualTo(docked.toInstant());
        });
        assertThat(findings(FindingKind.LATE_UPLOAD, onTimeT)).isEmpty();
    }

    @Test
    void damageAndDiscontinuitiesArePlacedInsideTheirRecording() {
        // given
        Segment s = new Segment("sha", "a.mp4", ACCURATE, T0, null, 20.0, true, null, List.of(new Jump(4.9, 9.0)));

        // when
        DeviceTimeline t = analyzer.analyze("D1", List.of(s), List.of(ACCURATE));

        // then
        assertThat(findings(FindingKind.DAMAGED, t)).hasSize(1);
        assertThat(findings(FindingKind.DISCONTINUITY, t)).singleElement().satisfies(d -> {
            assertThat(d.start()).isEqualTo(T0.atZone(SHANGHAI).toInstant().plusMillis(4900));
            assertThat(d.end()).isEqualTo(T0.atZone(SHANGHAI).toInstant().plusSeconds(9));
            assertThat(d.seconds()).isCloseTo(4.1, within(1e-9));
        });
    }

    @Test
    void aDamagedFindingSaysWhyAndSpansTheDecodeErrorsWhenTheyAreKnown() {
        // given a recording with decode errors between 4.2 s and 9.87 s, and a truncated one (no span known)
        Segment decode = new Segment("sha-a", "a.mp4", ACCURATE, T0, null, 20.0, true, null, List.of(), null,
                "73 decode errors between 4.20 s and 9.87 s", 4.2, 9.87, RecordingKind.VIDEO);
        Segment truncated = new Segment("sha-b", "b.mp4", ACCURATE, T0.plusSeconds(30), null, 10.0, true, null, List.of(),
                null, "truncated: media ends at 10.00 s of 20.00 s", null, null, RecordingKind.VIDEO);
        Segment unknownLength = new Segment("sha-c", "c.mp4", ACCURATE, T0.plusSeconds(60), null, null, true, null,
                List.of());

        // when
        DeviceTimeline t = analyzer.analyze("D1", List.of(decode, truncated, unknownLength), List.of(ACCURATE));

        // then the decode damage is placed at its errors, the truncation over the whole recording, each with its reason
        Instant start = T0.atZone(SHANGHAI).toInstant();
        assertThat(findings(FindingKind.DAMAGED, t)).hasSize(3).anySatisfy(f -> {
            assertThat(f.detail()).isEqualTo("73 decode errors between 4.20 s and 9.87 s");
            assertThat(f.start()).isEqualTo(start.plusMillis(4200));
            assertThat(f.end()).isEqualTo(start.plusMillis(9870));
            assertThat(f.seconds()).isCloseTo(5.67, within(1e-9));
        }).anySatisfy(f -> {
            assertThat(f.detail()).isEqualTo("truncated: media ends at 10.00 s of 20.00 s");
            assertThat(f.start()).isEqualTo(start.plusSeconds(30));
            assertThat(f.end()).isEqualTo(start.plusSeconds(40));
        }).anySatisfy(f -> {
            assertThat(f.detail()).isEqualTo("recording is truncated or partly undecodable");
            assertThat(f.seconds()).isNull();
        });
    }

    @Test
    void findingKeysAreStableAcrossRunsAndInputOrder() {
        List<Segment> segments = List.of(seg("a.mp4", T0, 20), seg("b.mp4", T0.plusSeconds(30), 20), seg("c.mp4", T0.plusSeconds(40), 20));
        Set<String> once = TimelineAnalyzer.keys(analyzer.analyze("D1", segments, List.of(ACCURATE)).findings());
        Set<String> reversed = TimelineAnalyzer.keys(analyzer.analyze("D1", List.of(segments.get(2), segments.get(0), segments.get(1)), List.of(ACCURATE)).findings());
        assertThat(once).isNotEmpty().isEqualTo(reversed);
    }

    @Test
    void activityCoverageFindsLateStartHolesAndEarlyStop() {
        // given an activity 09:29:50-09:32:00 device-local, recorded 09:30:00-09:30:40 and 09:31:00-09:31:30
        Instant start = T0.minusSeconds(10).atZone(SHANGHAI).toInstant();
        Activity activity = new Activity("ACT-1", "CASE-9", start, start.plusSeconds(130), Set.of("D1"), Set.of());
        DeviceTimeline t = analyzer.analyze("D1", List.of(seg("a.mp4", T0, 40), seg("b.mp4", T0.plusSeconds(60), 30)),
                List.of(ACCURATE));

        // when
        ActivityCoverage coverage = analyzer.coverage(activity, List.of(t));

        // then
        assertThat(coverage.percent()).isCloseTo(100.0 * 70 / 130, within(1e-9));
        assertThat(coverage.gaps()).extracting(TimelineFinding::seconds).containsExactly(10.0, 20.0, 30.0);
        assertThat(coverage.gaps()).allSatisfy(g -> assertThat(g.activityId()).isEqualTo("ACT-1"));
        assertThat(coverage.gaps()).extracting(TimelineFinding::detail)
                .anyMatch(d -> d.startsWith("late start")).anyMatch(d -> d.startsWith("early stop"));
    }

    @Test
    void activityNamingOnlyOfficersCountsTheirRecordingsOnAnyDevice() {
        Instant start = T0.atZone(SHANGHAI).toInstant();
        Activity activity = new Activity("ACT-2", null, start, start.plusSeconds(20), Set.of(), Set.of("100234"));
        DeviceTimeline t = analyzer.analyze("D9", List.of(seg("a.mp4", T0, 20)), List.of(ACCURATE));
        assertThat(analyzer.coverage(activity, List.of(t)).percent()).isEqualTo(100.0);
    }

    @Test
    void rulesAreValidatedWithPreciseMessages() {
        assertThatThrownBy(() -> new ContinuityRules(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofHours(24), Duration.ofSeconds(2), SHANGHAI))
                .hasMessageContaining("session-break").hasMessageContaining("longer than footage.continuity.tolerance");
        assertThatThrownBy(() -> new ContinuityRules(Duration.ZERO, Duration.ofMinutes(30), Duration.ofSeconds(5),
                Duration.ofHours(24), Duration.ofSeconds(2), SHANGHAI))
                .hasMessage("footage.continuity.tolerance must be a positive duration, got PT0S");
    }

    @Test
    void anUnreadableNameTimeIsAFindingAndTheContainerTimePlacesTheRecording() {
        // given a name dated 20240230 (start unreadable) and a container saying 5 March 01:00 UTC, docked 8 h later
        OffsetDateTime docked = OffsetDateTime.parse("2024-03-05T17:00:00+08:00");
        Dock dock = new Dock("dump-9", "D1", docked, docked);
        Segment s = new Segment("sha-bad", "bad.mp4", dock, null, Instant.parse("2024-03-05T01:00:00Z"), 60.0, false,
                "100234", List.of(), "file name date 20240230 is not a real date (Invalid date 'FEBRUARY 30')");

        // when
        DeviceTimeline t = analyzer.analyze("D1", List.of(s), List.of(dock));

        // then
        assertThat(findings(FindingKind.TIME_UNREADABLE, t)).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo("TIME_UNREADABLE|D1|sha-bad");
            assertThat(f.start()).isEqualTo(Instant.parse("2024-03-05T01:00:00Z"));
            assertThat(f.end()).isEqualTo(Instant.parse("2024-03-05T01:01:00Z"));
            assertThat(f.recordings()).containsExactly("bad.mp4");
            assertThat(f.recordingKey()).isEqualTo("sha-bad");
            assertThat(f.detail()).isEqualTo("file name date 20240230 is not a real date (Invalid date 'FEBRUARY 30')");
        });
        assertThat(t.segments()).singleElement().satisfies(p -> assertThat(p.startSource()).isEqualTo("CREATION_TIME"));
        assertThat(t.findings()).extracting(TimelineFinding::kind).containsExactly(FindingKind.TIME_UNREADABLE);
    }

    @Test
    void anUnreadableNameTimeWithoutAContainerTimeLeavesTheStartUnknown() {
        // given
        Segment s = new Segment("sha-bad", "bad.mp4", ACCURATE, null, null, 60.0, false, "100234", List.of(),
                "file name time 246000 is not a real time (Invalid value for MinuteOfHour (valid values 0 - 59): 60)");

        // when
        DeviceTimeline t = analyzer.analyze("D1", List.of(s), List.of(ACCURATE));

        // then
        assertThat(t.segments()).isEmpty();
        assertThat(findings(FindingKind.TIME_UNREADABLE, t)).singleElement().satisfies(f -> {
            assertThat(f.start()).isNull();
            assertThat(f.end()).isNull();
        });
        assertThat(findings(FindingKind.CLOCK_UNVERIFIED, t)).singleElement().satisfies(f -> assertThat(f.detail())
                .isEqualTo("start unknown: file name time 246000 is not a real time (Invalid value for MinuteOfHour "
                        + "(valid values 0 - 59): 60); no other time to go by"));
        assertThat(findings(FindingKind.LATE_UPLOAD, t)).isEmpty();
    }
}
