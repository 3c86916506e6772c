package footage.jobs.continuity;

import footage.jobs.catalog.Catalog;
import footage.jobs.catalog.Finding;
import footage.jobs.ledger.Ledger;
import footage.pipeline.continuity.Activity;
import footage.pipeline.continuity.ActivityCoverage;
import footage.pipeline.continuity.ContinuityRules;
import footage.pipeline.continuity.DeviceTimeline;
import footage.pipeline.continuity.Dock;
import footage.pipeline.continuity.FindingKind;
import footage.pipeline.continuity.TimelineAnalyzer;
import footage.pipeline.continuity.TimelineFinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Recomputes device timelines and keeps the catalog's findings in step: new findings are raised with ids derived
 * from what they are about (so a re-run neither duplicates nor renumbers them), findings no longer produced are
 * marked superseded (never deleted, explanations kept), and activity coverage is stored.
 */
@Service
public class ContinuityService {

    private static final Logger log = LoggerFactory.getLogger(ContinuityService.class);
    private static final List<String> KINDS = FindingKind.timelineKinds().stream().map(Enum::name).toList();

    private final TimelineSource source;
    private final TimelineAnalyzer analyzer;
    private final Catalog catalog;
    private final ContinuityMarks marks;
    private final Ledger ledger;
    private final JdbcClient jdbc;
    private final RegisterFindings register;
    private final JdbcTemplate batch;
    private final Duration margin;
    private final java.time.Clock clock = java.time.Clock.systemUTC();

    ContinuityService(TimelineSource source, TimelineAnalyzer analyzer, Catalog catalog, ContinuityMarks marks,
                      Ledger ledger, JdbcClient jdbc, RegisterFindings register, JdbcTemplate batch, ContinuityRules rules) {
        this.register = register;
        this.batch = batch;
        // how far beyond a window its findings may look: a gap is at most the session break long, and a docking's
        // damage report is due within 24 h of it
        this.margin = rules.sessionBreak().compareTo(RegisterFindings.REPORT_WITHIN) > 0 ? rules.sessionBreak()
                : RegisterFindings.REPORT_WITHIN;
        this.source = source;
        this.analyzer = analyzer;
        this.catalog = catalog;
        this.marks = marks;
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    public record Outcome(int devices, int raised, int superseded) {

        Outcome plus(Outcome o) {
            return new Outcome(devices + o.devices, raised + o.raised, superseded + o.superseded);
        }
    }

    /**
     * Analyses every device marked as needing it (whichever run or node marked it), and clears their marks. A device
     * whose marks all name dumps (a docking, its files) is analysed in the window those dumps span
     * ({@link #analyzeDocking}); one with a mark naming none, in its whole history.
     */
    @Transactional
    public Outcome analyzeMarked(String actor) {
        ledger.lockAppends();
        long started = System.nanoTime();
        ContinuityMarks.Marked marked = marks.markedWindows();
        Outcome outcome = new Outcome(0, 0, 0);
        Map<String, Set<Long>> docked = marked.docked();
        if (!marked.whole().isEmpty()) {
            outcome = analyze(marked.whole(), actor);
            // a whole history analysed takes the devices its activities involve along, and clears their marks
            Map<String, Set<Long>> left = marks.markedWindows().docked();
            left.keySet().retainAll(docked.keySet());
            docked = left;
        }
        for (Map.Entry<String, Set<Long>> e : docked.entrySet()) {
            outcome = outcome.plus(analyzeDocking(e.getKey(), e.getValue(), actor));
        }
        log.info("continuity: marked devices analysed in {} ms ({} whole, {} in a window)",
                (System.nanoTime() - started) / 1_000_000, marked.whole().size(), docked.size());
        return outcome;
    }

    /**
     * Analyses what some dumps changed of a device's timeline: the window is the time they span (their recordings and
     * their docking), grown to hold every activity of the device that reaches into it; the analysis reads the
     * recordings and docks of the window plus {@link #margin} on either side (all a finding inside it can depend on), so
     * a docking costs the same in a catalog of a thousand recordings as of a million (issue 21). Only findings inside
     * the window are raised or superseded; those outside it are kept as they are. Clears the marks of these dumps.
     */
    @Transactional
    public Outcome analyzeDocking(String device, Set<Long> dumpIds, String actor) {
        ledger.lockAppends();
        Window window = source.spanOf(device, dumpIds);
        if (window == null) {
            return analyze(Set.of(device), actor);
        }
        Map<Activity, Set<String>> involved = new LinkedHashMap<>();
        for (int round = 0; ; round++) {
            involved.clear();
            Window grown = window;
            for (Activity a : source.activitiesNaming(Set.of(device), window)) {
                Set<String> of = new TreeSet<>(a.devices());
                of.addAll(source.devicesOfOfficers(a.officers(), new Window(a.start(), a.end())));
                if (of.contains(device)) {
                    involved.put(a, of);
                    grown = grown.including(a.start(), a.end());
                }
            }
            if (grown.equals(window)) {
                break;
            }
            if (round == 3) {
                // activities chained across days: the whole history is the simpler answer
                return analyze(Set.of(device), actor);
            }
            window = grown;
        }
        Set<String> all = new TreeSet<>();
        all.add(device);
        involved.values().forEach(all::addAll);
        Window range = window.widened(margin);

        Map<String, DeviceTimeline> timelines = new HashMap<>();
        Map<String, List<TimelineFinding>> findings = new HashMap<>();
        Map<String, Scope> scopes = new HashMap<>();
        Map<String, Set<Long>> dueDocks = new java.util.TreeMap<>();
        java.time.Instant now = clock.instant();
        for (String d : all) {
            Set<Long> dumps = new TreeSet<>(source.dumpsDockedIn(d, range));
            Set<Long> core = d.equals(device) ? dumpIds : Set.of();
            dumps.addAll(core);
            List<Dock> docks = source.docksByIds(d, dumps);
            TimelineSource.Segments read = source.segmentsIn(d, range, dumps, docks);
            DeviceTimeline timeline = analyzer.analyze(d, read.segments(), docks);
            timelines.put(d, timeline);
            List<TimelineFinding> of = new ArrayList<>(timeline.findings());
            RegisterFindings.Outcome fromRegister = register.of(d, timeline, read.segments(), docks, now);
            of.addAll(fromRegister.findings());
            fromRegister.dueDocks().forEach(k -> dueDocks.computeIfAbsent(d, x -> new TreeSet<>()).add(dumpOf(k)));
            findings.put(d, of);
            Set<Long> coreRecordings = new java.util.HashSet<>();
            read.segments().stream().filter(g -> core.contains(dumpOf(g.dock().key())))
                    .forEach(g -> coreRecordings.add(read.recordingIds().get(g.key())));
            Set<Long> dockIds = new java.util.HashSet<>();
            docks.forEach(k -> dockIds.add(dumpOf(k.key())));
            scopes.put(d, new Scope(window, new java.util.HashSet<>(read.recordingIds().values()), read.recordingIds(),
                    coreRecordings, core, dockIds));
        }
        coverage(involved, timelines, findings);
        int raised = 0;
        int superseded = 0;
        for (String d : all) {
            int[] counts = storeWindow(d, scopes.get(d), findings.get(d), actor);
            raised += counts[0];
            superseded += counts[1];
        }
        marks.clear(device, dumpIds);
        dueDocks.forEach((d, dumps) -> dumps.forEach(dump ->
                marks.mark(d, dump, "Art. 18: a damage report is due for dump " + dump)));
        log.info("continuity: {} analysed from {} to {} ({} device(s)), {} finding(s) raised, {} superseded", device,
                window.from(), window.to(), all.size(), raised, superseded);
        return new Outcome(all.size(), raised, superseded);
    }

    private static long dumpOf(String dockKey) {
        return Long.parseLong(dockKey.substring("dump:".length()));
    }

    /**
     * What a windowed analysis of a device answers for: findings reaching into the window, about a recording it read
     * (or about none); with no time, about a recording or dock of the dumps analysed.
     */
    private record Scope(Window window, Set<Long> recordings, Map<String, Long> recordingIds, Set<Long> coreRecordings,
                         Set<Long> coreDumps, Set<Long> docks) {

        boolean holds(OffsetDateTime start, OffsetDateTime end, Long recordingId, Long dumpId) {
            if (start == null) {
                return recordingId != null ? coreRecordings.contains(recordingId) : dumpId != null && coreDumps.contains(dumpId);
            }
            return window.touches(start.toInstant(), end == null ? null : end.toInstant())
                    && (recordingId == null ? dumpId == null || docks.contains(dumpId) : recordings.contains(recordingId));
        }

        boolean holds(TimelineFinding f) {
            Long recordingId = f.recordingKey() == null ? null : recordingIds.getOrDefault(f.recordingKey(), -1L);
            Long dumpId = f.recordingKey() == null && f.dockKey() != null ? dumpOf(f.dockKey()) : null;
            if (f.start() == null) {
                return recordingId != null ? coreRecordings.contains(recordingId) : dumpId != null && coreDumps.contains(dumpId);
            }
            return window.touches(f.start(), f.end())
                    && (recordingId == null ? dumpId == null || docks.contains(dumpId) : recordings.contains(recordingId));
        }
    }

    /** Whether any dump or recording names this device. */
    public boolean knows(String deviceId) {
        return source.allDevices().contains(deviceId);
    }

    /** Analyses every device the catalog knows: after a rule changed (a tolerance, the device zone). */
    @Transactional
    public Outcome analyzeAll(String actor) {
        ledger.lockAppends();
        return analyze(source.allDevices(), actor);
    }

    /**
     * Analyses these devices (and, for activities touching them, every device those activities involve), and clears
     * the marks of all the devices analysed. Holds the ledger's append lock throughout: two analyses at once would
     * raise the same finding twice, and a device marked meanwhile must keep its mark (see {@link ContinuityMarks}).
     */
    @Transactional
    public Outcome analyze(Collection<String> deviceIds, String actor) {
        ledger.lockAppends();
        Set<String> devices = new TreeSet<>();
        deviceIds.stream().filter(java.util.Objects::nonNull).forEach(devices::add);
        List<Activity> activities = source.activitiesNaming(devices);
        Map<Activity, Set<String>> involved = new LinkedHashMap<>();
        for (Activity a : activities) {
            Set<String> of = new TreeSet<>(a.devices());
            of.addAll(source.devicesOfOfficers(a.officers()));
            if (of.stream().anyMatch(devices::contains)) {
                involved.put(a, of);
            }
        }
        Set<String> all = new TreeSet<>(devices);
        involved.values().forEach(all::addAll);

        Map<String, DeviceTimeline> timelines = new HashMap<>();
        Map<String, List<TimelineFinding>> findings = new HashMap<>();
        Map<String, java.time.Instant> damageReportsDue = new java.util.TreeMap<>();
        java.time.Instant now = clock.instant();
        for (String device : all) {
            List<Dock> docks = source.docks(device);
            var segments = source.segments(device, docks);
            DeviceTimeline timeline = analyzer.analyze(device, segments, docks);
            timelines.put(device, timeline);
            List<TimelineFinding> of = new ArrayList<>(timeline.findings());
            // the device register's findings (docs/formats.md §6): none while the register is empty
            RegisterFindings.Outcome fromRegister = register.of(device, timeline, segments, docks, now);
            of.addAll(fromRegister.findings());
            if (fromRegister.dueBy() != null) {
                damageReportsDue.put(device, fromRegister.dueBy());
            }
            findings.put(device, of);
        }
        coverage(involved, timelines, findings);
        int raised = 0;
        int superseded = 0;
        for (String device : all) {
            int[] counts = store(device, findings.get(device), actor);
            raised += counts[0];
            superseded += counts[1];
        }
        marks.clear(all);
        // a damage report may still be filed in time: the device waits for the analysis after its deadline
        damageReportsDue.forEach((device, due) -> marks.mark(device, "Art. 18: a damage report is due by " + due));
        log.info("continuity: {} device(s) analysed, {} finding(s) raised, {} superseded", all.size(), raised, superseded);
        return new Outcome(all.size(), raised, superseded);
    }

    /**
     * Each activity's coverage by the timelines of the devices it involves, stored in one batch (a docking's device
     * takes part in one or two a week; a whole history in hundreds), and its holes added to those devices' findings.
     */
    private void coverage(Map<Activity, Set<String>> involved, Map<String, DeviceTimeline> timelines,
                          Map<String, List<TimelineFinding>> findings) {
        List<Object[]> updates = new ArrayList<>();
        for (Map.Entry<Activity, Set<String>> e : involved.entrySet()) {
            List<DeviceTimeline> lanes = e.getValue().stream().map(timelines::get).toList();
            ActivityCoverage coverage = analyzer.coverage(e.getKey(), lanes);
            updates.add(new Object[] {coverage.percent(), e.getKey().id()});
            for (TimelineFinding hole : coverage.gaps()) {
                attach(findings.get(hole.deviceId()), hole);
            }
        }
        if (!updates.isEmpty()) {
            batch.batchUpdate("UPDATE activities SET coverage_percent = ? WHERE id = ?", updates);
        }
    }

    /**
     * Stores a windowed analysis' findings of one device: raises or reopens those it produced inside the scope, and
     * supersedes the device's findings inside the scope it no longer produces (anywhere: one produced again, however
     * its times moved, stays). Findings outside the scope are neither read nor touched.
     */
    private int[] storeWindow(String device, Scope scope, List<TimelineFinding> produced, String actor) {
        Map<String, Boolean> existing = new HashMap<>();
        Map<String, Object> params = new HashMap<>();
        params.put("device", device);
        params.put("kinds", KINDS);
        params.put("from", scope.window().from().atOffset(ZoneOffset.UTC));
        // the device's findings ending after the window's start, or starting after it (an end before the start: a time
        // mismatch), or without times: an index range of its newest findings for a docking (findings_device_end)
        jdbc.sql("SELECT id, superseded_at, recording_id, dump_id, start_at, end_at FROM findings WHERE kind IN (:kinds) AND id IN ("
                        + "SELECT id FROM findings WHERE device_id = :device AND end_at >= :from "
                        + "UNION SELECT id FROM findings WHERE device_id = :device AND start_at >= :from "
                        + "UNION SELECT id FROM findings WHERE device_id = :device AND start_at IS NULL)")
                .params(params)
                .query((rs, n) -> {
                    Long recordingId = rs.getObject("recording_id") == null ? null : rs.getLong("recording_id");
                    Long dumpId = rs.getObject("dump_id") == null ? null : rs.getLong("dump_id");
                    if (scope.holds(rs.getObject("start_at", OffsetDateTime.class), rs.getObject("end_at", OffsetDateTime.class),
                            recordingId, dumpId)) {
                        existing.put(rs.getString("id"), rs.getObject("superseded_at") != null);
                    }
                    return null;
                }).list();
        Set<String> current = new HashSet<>();
        Map<String, TimelineFinding> inScope = new LinkedHashMap<>();
        for (TimelineFinding f : produced) {
            String id = Finding.stableId(f.key(), f.activityId() == null ? "" : f.activityId());
            current.add(id);
            if (scope.holds(f)) {
                inScope.put(id, f);
            }
        }
        // produced ids the scope's read did not return may still exist (their times moved out of it)
        Set<String> unknown = new TreeSet<>(inScope.keySet());
        unknown.removeAll(existing.keySet());
        Map<String, Boolean> elsewhere = new HashMap<>();
        List<String> ids = List.copyOf(unknown);
        for (int from = 0; from < ids.size(); from += 500) {
            jdbc.sql("SELECT id, superseded_at FROM findings WHERE id IN (:ids)").param("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
                    .query((rs, n) -> elsewhere.put(rs.getString("id"), rs.getObject("superseded_at") != null)).list();
        }
        int raised = 0;
        for (Map.Entry<String, TimelineFinding> e : inScope.entrySet()) {
            Boolean superseded = existing.containsKey(e.getKey()) ? existing.get(e.getKey()) : elsewhere.get(e.getKey());
            if (superseded == null) {
                catalog.raise(toFinding(e.getKey(), e.getValue()), actor);
                raised++;
            } else if (superseded) {
                catalog.reopen(e.getKey(), actor);
            }
        }
        return new int[] {raised, supersedeGone(existing, current, actor)};
    }

    /** An activity hole that is exactly an in-session gap is that gap, now known to be inside the activity. */
    private static void attach(List<TimelineFinding> deviceFindings, TimelineFinding hole) {
        for (int i = 0; i < deviceFindings.size(); i++) {
            TimelineFinding f = deviceFindings.get(i);
            if (f.kind() == FindingKind.GAP && f.activityId() == null && close(f, hole)) {
                deviceFindings.set(i, new TimelineFinding(f.key(), f.kind(), f.deviceId(), f.start(), f.end(), f.seconds(),
                        f.recordings(), f.recordingKey(), f.dockKey(), hole.activityId(), f.detail() + " (activity " + hole.activityId() + ")"));
                return;
            }
        }
        deviceFindings.add(hole);
    }

    private static boolean close(TimelineFinding a, TimelineFinding b) {
        return Math.abs(Duration.between(a.start(), b.start()).toMillis()) <= 1 && Math.abs(Duration.between(a.end(), b.end()).toMillis()) <= 1;
    }

    private int[] store(String device, List<TimelineFinding> produced, String actor) {
        Map<String, Boolean> existing = new HashMap<>();
        catalog.findingsOf(device, KINDS).forEach(f -> existing.put(f.id(), f.superseded()));
        Set<String> current = new HashSet<>();
        int raised = 0;
        for (TimelineFinding f : produced) {
            String id = Finding.stableId(f.key(), f.activityId() == null ? "" : f.activityId());
            current.add(id);
            Boolean superseded = existing.get(id);
            if (superseded == null) {
                catalog.raise(toFinding(id, f), actor);
                raised++;
            } else if (superseded) {
                catalog.reopen(id, actor);
            }
        }
        return new int[] {raised, supersedeGone(existing, current, actor)};
    }

    /** Supersedes the open findings read ({@code existing}: id to superseded) that the analysis no longer produces. */
    private int supersedeGone(Map<String, Boolean> existing, Set<String> current, String actor) {
        int gone = 0;
        for (Map.Entry<String, Boolean> e : existing.entrySet()) {
            if (!e.getValue() && !current.contains(e.getKey())) {
                catalog.supersede(e.getKey(), actor);
                gone++;
            }
        }
        return gone;
    }

    private Finding toFinding(String id, TimelineFinding f) {
        Long recordingId = null;
        Long dumpId = null;
        String path = null;
        if (f.recordingKey() != null) {
            var row = jdbc.sql("SELECT id, dump_id, original_path FROM recordings WHERE sha256 = ?").param(f.recordingKey())
                    .query((rs, n) -> new Object[] {rs.getLong("id"), rs.getLong("dump_id"), rs.getString("original_path")})
                    .optional();
            if (row.isPresent()) {
                recordingId = (Long) row.get()[0];
                dumpId = (Long) row.get()[1];
                String original = (String) row.get()[2];
                path = original.substring(original.indexOf('/') + 1);
            }
        } else if (f.dockKey() != null) {
            dumpId = Long.parseLong(f.dockKey().substring("dump:".length()));
        }
        return new Finding(id, f.kind(), dumpId, recordingId, f.deviceId(), path,
                f.start() == null ? null : f.start().atOffset(ZoneOffset.UTC), f.end() == null ? null : f.end().atOffset(ZoneOffset.UTC),
                f.seconds(), f.activityId(), f.recordings(), f.detail());
    }
}
