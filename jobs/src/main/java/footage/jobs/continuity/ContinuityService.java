package footage.jobs.continuity;

import footage.jobs.catalog.Catalog;
import footage.jobs.catalog.Finding;
import footage.jobs.ledger.Ledger;
import footage.pipeline.continuity.Activity;
import footage.pipeline.continuity.ActivityCoverage;
import footage.pipeline.continuity.DeviceTimeline;
import footage.pipeline.continuity.Dock;
import footage.pipeline.continuity.FindingKind;
import footage.pipeline.continuity.TimelineAnalyzer;
import footage.pipeline.continuity.TimelineFinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
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
    private final java.time.Clock clock = java.time.Clock.systemUTC();

    ContinuityService(TimelineSource source, TimelineAnalyzer analyzer, Catalog catalog, ContinuityMarks marks,
                      Ledger ledger, JdbcClient jdbc, RegisterFindings register) {
        this.register = register;
        this.source = source;
        this.analyzer = analyzer;
        this.catalog = catalog;
        this.marks = marks;
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    public record Outcome(int devices, int raised, int superseded) {
    }

    /** Analyses every device marked as needing it (whichever run or node marked it), and clears their marks. */
    @Transactional
    public Outcome analyzeMarked(String actor) {
        ledger.lockAppends();
        return analyze(marks.marked(), actor);
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
        for (Map.Entry<Activity, Set<String>> e : involved.entrySet()) {
            List<DeviceTimeline> lanes = e.getValue().stream().map(timelines::get).toList();
            ActivityCoverage coverage = analyzer.coverage(e.getKey(), lanes);
            jdbc.sql("UPDATE activities SET coverage_percent = ? WHERE id = ?").params(coverage.percent(), e.getKey().id()).update();
            for (TimelineFinding hole : coverage.gaps()) {
                attach(findings.get(hole.deviceId()), hole);
            }
        }
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
        int gone = 0;
        for (Map.Entry<String, Boolean> e : existing.entrySet()) {
            if (!e.getValue() && !current.contains(e.getKey())) {
                catalog.supersede(e.getKey(), actor);
                gone++;
            }
        }
        return new int[] {raised, gone};
    }

    private Finding toFinding(String id, TimelineFinding f) {
        Long recordingId = null;
        Long dumpId = null;
        String path = null;
        if (f.recordingKey() != null) {
            var row = jdbc.sql("SELECT id, dump_id, original_path FROM recordings WHERE sha256 = ?").param(f.recordingKey())
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)}).optional();
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
