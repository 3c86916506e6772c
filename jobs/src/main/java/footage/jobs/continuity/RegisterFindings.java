package footage.jobs.continuity;

import footage.pipeline.continuity.DeviceTimeline;
import footage.pipeline.continuity.Dock;
import footage.pipeline.continuity.FindingKind;
import footage.pipeline.continuity.PlacedSegment;
import footage.pipeline.continuity.Segment;
import footage.pipeline.continuity.TimelineFinding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings of the device register (docs/formats.md §6, Art. 3, 4, 18), read from its tables ({@code devices},
 * {@code device_status}, {@code device_assignments}, {@code damage_reports}) as {@link TimelineSource} reads the
 * activities: {@code UNKNOWN_DEVICE}, {@code DEVICE_LENT}, {@code DAMAGE_NOT_REPORTED}, {@code RETIRED_DEVICE_USED}.
 * An empty register raises nothing (a deployment without one keeps its findings as they were).
 */
@Component
class RegisterFindings {

    /** Art. 18: a damage report within 24 hours. */
    static final Duration REPORT_WITHIN = Duration.ofHours(24);

    /**
     * @param findings what the register says about the device
     * @param dueBy    the earliest time at which a damage report that is not filed yet becomes overdue (the device is to
     *                 be analysed again then), or null when nothing is pending
     */
    record Outcome(List<TimelineFinding> findings, Instant dueBy, List<String> dueDocks) {

        Outcome(List<TimelineFinding> findings, Instant dueBy) {
            this(findings, dueBy, List.of());
        }
    }

    private record Assignment(String officerId, String officerName, Instant from, Instant to) {
    }

    private final JdbcClient jdbc;

    RegisterFindings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Outcome of(String deviceId, DeviceTimeline timeline, List<Segment> segments, List<Dock> docks, Instant now) {
        List<TimelineFinding> out = new ArrayList<>();
        if (jdbc.sql("SELECT COUNT(*) FROM devices").query(Long.class).single() == 0) {
            return new Outcome(out, null);
        }
        if (jdbc.sql("SELECT COUNT(*) FROM devices WHERE id = ?").param(deviceId).query(Long.class).single() == 0) {
            for (Dock dock : docks) {
                Instant at = dock.dockedAt() == null ? null : dock.dockedAt().toInstant();
                out.add(new TimelineFinding(key(FindingKind.UNKNOWN_DEVICE, deviceId, "dock", dock.key()), FindingKind.UNKNOWN_DEVICE,
                        deviceId, at, at, null, List.of(), null, dock.key(), null, "device " + deviceId
                        + " is not in the device register (Art. 3); its files were taken in all the same"));
            }
            return new Outcome(out, null);
        }
        lent(deviceId, timeline, out);
        retired(deviceId, timeline, out);
        List<String> dueDocks = new ArrayList<>();
        Instant dueBy = damage(deviceId, segments, docks, now, out, dueDocks);
        return new Outcome(out, dueBy, dueDocks);
    }

    private void lent(String deviceId, DeviceTimeline timeline, List<TimelineFinding> out) {
        List<Assignment> assignments = jdbc.sql("SELECT officer_id, officer_name, valid_from, valid_to FROM device_assignments "
                        + "WHERE device_id = ? ORDER BY valid_from, id")
                .param(deviceId)
                .query((rs, n) -> new Assignment(rs.getString("officer_id"), rs.getString("officer_name"),
                        rs.getObject("valid_from", OffsetDateTime.class).toInstant(),
                        rs.getObject("valid_to", OffsetDateTime.class) == null ? null
                                : rs.getObject("valid_to", OffsetDateTime.class).toInstant()))
                .list();
        for (PlacedSegment p : timeline.segments()) {
            String officer = p.segment().officerId();
            if (officer == null || officer.isBlank()) {
                continue;
            }
            Assignment at = null;
            for (Assignment a : assignments) {
                if (!p.start().isBefore(a.from()) && (a.to() == null || p.start().isBefore(a.to()))) {
                    at = a;
                }
            }
            if (at != null && !at.officerId().equals(officer)) {
                out.add(new TimelineFinding(key(FindingKind.DEVICE_LENT, deviceId, "recording", p.segment().key()), FindingKind.DEVICE_LENT,
                        deviceId, p.start(), p.end() == null ? p.start() : p.end(), null, List.of(p.segment().file()), p.segment().key(),
                        p.segment().dock().key(), null, "recorded by officer " + officer + " but " + deviceId + " was assigned to officer "
                        + at.officerId() + (at.officerName() == null ? "" : " (" + at.officerName() + ")") + " since " + at.from()
                        + " (Art. 18: devices are not lent)"));
            }
        }
    }

    private void retired(String deviceId, DeviceTimeline timeline, List<TimelineFinding> out) {
        List<OffsetDateTime> retired = jdbc.sql("SELECT since FROM device_status WHERE device_id = ? AND status = 'RETIRED' "
                + "ORDER BY since, id").param(deviceId).query(OffsetDateTime.class).list();
        if (retired.isEmpty()) {
            return;
        }
        Instant since = retired.get(0).toInstant();
        for (PlacedSegment p : timeline.segments()) {
            if (!p.start().isBefore(since)) {
                out.add(new TimelineFinding(key(FindingKind.RETIRED_DEVICE_USED, deviceId, "recording", p.segment().key()),
                        FindingKind.RETIRED_DEVICE_USED, deviceId, p.start(), p.end() == null ? p.start() : p.end(), null,
                        List.of(p.segment().file()), p.segment().key(), p.segment().dock().key(), null,
                        "recorded after " + deviceId + " was retired on " + since));
            }
        }
    }

    /**
     * Per docking with a damaged recording, or with a manifest whose station could not read the device clock: a damage
     * report from 24 h before the docking to 24 h after it, else DAMAGE_NOT_REPORTED once those 24 h have passed.
     */
    private Instant damage(String deviceId, List<Segment> segments, List<Dock> docks, Instant now, List<TimelineFinding> out,
                           List<String> dueDocks) {
        List<Instant> reports = jdbc.sql("SELECT reported_at FROM damage_reports WHERE device_id = ? ORDER BY reported_at")
                .param(deviceId).query(OffsetDateTime.class).list().stream().map(OffsetDateTime::toInstant).toList();
        Map<String, List<String>> damagedFiles = new LinkedHashMap<>();
        for (Segment s : segments) {
            if (s.damaged()) {
                damagedFiles.computeIfAbsent(s.dock().key(), k -> new ArrayList<>()).add(s.file());
            }
        }
        Instant dueBy = null;
        for (Dock dock : docks) {
            List<String> files = damagedFiles.getOrDefault(dock.key(), List.of());
            boolean clockUnread = dock.deviceClockAtDock() == null && hasManifest(dock);
            if (files.isEmpty() && !clockUnread) {
                continue;
            }
            // a dump without a manifest has no docking time: the time the pipeline registered it stands in
            Instant docked = dock.dockedAt() != null ? dock.dockedAt().toInstant() : registeredAt(dock);
            if (docked == null) {
                continue;
            }
            Instant deadline = docked.plus(REPORT_WITHIN);
            if (reports.stream().anyMatch(r -> !r.isBefore(docked.minus(REPORT_WITHIN)) && !r.isAfter(deadline))) {
                continue;
            }
            if (now.isBefore(deadline)) {
                dueBy = dueBy == null || deadline.isBefore(dueBy) ? deadline : dueBy;
                dueDocks.add(dock.key());
                continue;
            }
            String why = !files.isEmpty() ? files.size() + " damaged recording(s)" + (clockUnread ? " and the device clock unreadable" : "")
                    : "the device clock could not be read";
            out.add(new TimelineFinding(key(FindingKind.DAMAGE_NOT_REPORTED, deviceId, "dock", dock.key()), FindingKind.DAMAGE_NOT_REPORTED,
                    deviceId, docked, deadline, null, files, null, dock.key(), null,
                    why + " at docking on " + docked + ", and no damage report by " + deadline + " (Art. 18: within 24 h)"));
        }
        return dueBy;
    }

    private Instant registeredAt(Dock dock) {
        if (!dock.key().startsWith("dump:")) {
            return null;
        }
        return jdbc.sql("SELECT registered_at FROM dumps WHERE id = ?").param(Long.parseLong(dock.key().substring(5)))
                .query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant).orElse(null);
    }

    private boolean hasManifest(Dock dock) {
        if (!dock.key().startsWith("dump:")) {
            return false;
        }
        return jdbc.sql("SELECT has_manifest FROM dumps WHERE id = ?").param(Long.parseLong(dock.key().substring(5)))
                .query(Boolean.class).optional().orElse(false);
    }

    private static String key(FindingKind kind, String... parts) {
        return kind + "|" + String.join("|", parts);
    }
}
