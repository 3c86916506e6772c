package footage.jobs.activity;

import footage.jobs.continuity.ContinuityService;
import footage.jobs.ledger.Ledger;
import footage.jobs.retention.Retention;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Stores imported activities (insert, or update when changed; ledgered) and re-analyses the devices they involve. */
@Service
class ActivityImporter {

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final ContinuityService continuity;
    private final Retention retention;

    ActivityImporter(JdbcClient jdbc, Ledger ledger, ContinuityService continuity, Retention retention) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.continuity = continuity;
        this.retention = retention;
    }

    record Result(int added, int updated, int unchanged, ContinuityService.Outcome analysis) {
    }

    @Transactional
    Result store(List<ActivityRecord> activities, String actor) {
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        Set<String> devices = new HashSet<>();
        Set<String> officers = new HashSet<>();
        List<String> stored = new java.util.ArrayList<>();
        for (ActivityRecord a : activities) {
            devices.addAll(a.devices());
            officers.addAll(a.officers());
            Optional<String> existing = jdbc.sql("SELECT id FROM activities WHERE id = ?").param(a.id()).query(String.class).optional();
            String devicesCsv = String.join(",", a.devices());
            String officersCsv = String.join(",", a.officers());
            String permanentCsv = String.join(",", a.permanent());
            OffsetDateTime start = a.start().withOffsetSameInstant(ZoneOffset.UTC);
            OffsetDateTime end = a.end().withOffsetSameInstant(ZoneOffset.UTC);
            if (existing.isEmpty()) {
                jdbc.sql("INSERT INTO activities (id, case_number, start_at, end_at, devices, officers, permanent_categories, imported_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(a.id(), a.caseNumber(), start, end, devicesCsv, officersCsv, permanentCsv, OffsetDateTime.now(ZoneOffset.UTC))
                        .update();
                ledger.append("ACTIVITY_IMPORTED", "activity:" + a.id(), actor, payload(a));
                stored.add(a.id());
                added++;
            } else if (changed(a, start, end, devicesCsv, officersCsv, permanentCsv)) {
                jdbc.sql("UPDATE activities SET case_number = ?, start_at = ?, end_at = ?, devices = ?, officers = ?, "
                                + "permanent_categories = ?, imported_at = ? WHERE id = ?")
                        .params(a.caseNumber(), start, end, devicesCsv, officersCsv, permanentCsv, OffsetDateTime.now(ZoneOffset.UTC), a.id())
                        .update();
                ledger.append("ACTIVITY_UPDATED", "activity:" + a.id(), actor, payload(a));
                stored.add(a.id());
                updated++;
            } else {
                unchanged++;
            }
        }
        // Art. 15 flags make the covered recordings PERMANENT; holds on a case follow its activities
        retention.onActivities(stored, actor);
        if (!officers.isEmpty()) {
            devices.addAll(jdbc.sql("SELECT DISTINCT device_id FROM recordings WHERE officer_id IN (:o) AND device_id IS NOT NULL")
                    .param("o", officers).query(String.class).list());
        }
        return new Result(added, updated, unchanged, continuity.analyze(devices, actor));
    }

    private boolean changed(ActivityRecord a, OffsetDateTime start, OffsetDateTime end, String devices, String officers, String permanent) {
        return jdbc.sql("SELECT COUNT(*) FROM activities WHERE id = ? AND COALESCE(case_number, '') = ? AND start_at = ? AND end_at = ? "
                        + "AND devices = ? AND officers = ? AND permanent_categories = ?")
                .params(a.id(), a.caseNumber() == null ? "" : a.caseNumber(), start, end, devices, officers, permanent)
                .query(Long.class).single() == 0;
    }

    private static Map<String, Object> payload(ActivityRecord a) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("caseNumber", a.caseNumber());
        p.put("start", a.start().toInstant().toString());
        p.put("end", a.end().toInstant().toString());
        p.put("devices", a.devices());
        p.put("officers", a.officers());
        p.put("permanent", a.permanent());
        return p;
    }
}
