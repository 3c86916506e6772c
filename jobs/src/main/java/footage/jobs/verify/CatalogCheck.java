package footage.jobs.verify;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Compares every catalog row with its ledger history, both ways: a row whose values differ from what the ledger
 * recorded, a row the ledger never recorded, and a ledger entry whose row is gone. The ledger is the reference
 * because its entries are hash-chained; the catalog rows are not.
 */
final class CatalogCheck {

    record Counts(long dumps, long recordings, long dumpFiles, long findings) {
    }

    private final JdbcClient jdbc;
    private final LedgerIndex index;
    private final List<Problem> problems;

    CatalogCheck(JdbcClient jdbc, LedgerIndex index, List<Problem> problems) {
        this.jdbc = jdbc;
        this.index = index;
        this.problems = problems;
    }

    Counts run() {
        long dumps = dumps();
        long recordings = recordings();
        long files = dumpFiles();
        long findings = findings();
        return new Counts(dumps, recordings, files, findings);
    }

    private long dumps() {
        record Row(long id, String folder, String status, String movedTo) {
        }
        List<Row> rows = jdbc.sql("SELECT id, folder, status, moved_to FROM dumps ORDER BY id")
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("folder"), rs.getString("status"),
                        rs.getString("moved_to"))).list();
        Set<Long> seen = new HashSet<>();
        for (Row r : rows) {
            seen.add(r.id());
            String name = "dump " + r.id() + " (" + r.folder() + ")";
            LedgerIndex.DumpFacts f = index.dumps.get(r.id());
            if (f == null || f.registered == null) {
                problems.add(new Problem(name + ": no DUMP_REGISTERED entry in the ledger"));
                continue;
            }
            List<String> diffs = new ArrayList<>();
            compare(diffs, "folder", r.folder(), f.registered.text("folder"), f.registered);
            if (f.done != null) {
                compare(diffs, "status", r.status(), "DONE", f.done);
                compare(diffs, "moved_to", r.movedTo(), f.done.text("movedTo"), f.done);
            } else {
                compare(diffs, "status", r.status(), f.registered.text("status"), f.registered);
            }
            report(name, diffs);
        }
        index.dumps.forEach((id, f) -> {
            if (!seen.contains(id) && f.registered != null) {
                problems.add(new Problem(f.registered.label() + " dump:" + id + ": the catalog has no dump " + id));
            }
        });
        return rows.size();
    }

    private long recordings() {
        record Row(long id, String sha256, long size, String archivePath, String originalPath, String status, long dumpId,
                   String fixity) {
        }
        List<Row> rows = jdbc.sql("SELECT id, sha256, size_bytes, archive_path, original_path, status, dump_id, fixity_status "
                        + "FROM recordings ORDER BY id")
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("sha256"), rs.getLong("size_bytes"),
                        rs.getString("archive_path"), rs.getString("original_path"), rs.getString("status"),
                        rs.getLong("dump_id"), rs.getString("fixity_status"))).list();
        Set<Long> seen = new HashSet<>();
        for (Row r : rows) {
            seen.add(r.id());
            String name = "recording " + r.id() + " (" + r.originalPath() + ", sha256 " + r.sha256() + ")";
            LedgerIndex.RecordingFacts f = index.recordings.get(r.id());
            if (f == null || f.ingested == null) {
                problems.add(new Problem(name + ": no RECORDING_ARCHIVED or RECORDING_DAMAGED entry in the ledger"));
                continue;
            }
            List<String> diffs = new ArrayList<>();
            compare(diffs, "sha256", r.sha256(), f.ingested.text("sha256"), f.ingested);
            compare(diffs, "size_bytes", Long.toString(r.size()), text(f.ingested.number("size")), f.ingested);
            compare(diffs, "original_path", r.originalPath(), f.ingested.text("originalPath"), f.ingested);
            compare(diffs, "dump_id", Long.toString(r.dumpId()), text(f.ingested.number("dumpId")), f.ingested);
            // ARCHIVED or DAMAGED at ingest; a decode check may have found it DAMAGED since
            compare(diffs, "status", r.status(), f.status.text("status"), f.status);
            LedgerIndex.Fact where = f.location == null ? f.ingested : f.location;
            compare(diffs, "archive_path", r.archivePath(), where.text("archivePath"), where);
            if (f.fixity == null) {
                if (r.fixity() != null) {
                    diffs.add("fixity_status is " + r.fixity() + " but the ledger has no FIXITY_CHECKED or FIXITY_FAILED entry");
                }
            } else {
                compare(diffs, "fixity_status", r.fixity(), f.fixity.type().equals("FIXITY_CHECKED") ? "OK" : "FAILED", f.fixity);
            }
            report(name, diffs);
        }
        index.recordings.forEach((id, f) -> {
            if (!seen.contains(id) && f.ingested != null) {
                problems.add(new Problem(f.ingested.label() + " recording:" + id + ": the catalog has no recording " + id));
            }
        });
        return rows.size();
    }

    private long dumpFiles() {
        record Row(long id, String status, String sha256, Long recordingId, String folder, String path) {
        }
        List<Row> rows = jdbc.sql("SELECT f.id, f.status, f.sha256, f.recording_id, d.folder, f.path FROM dump_files f "
                        + "JOIN dumps d ON d.id = f.dump_id ORDER BY f.id")
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("status"), rs.getString("sha256"),
                        rs.getObject("recording_id", Long.class), rs.getString("folder"), rs.getString("path"))).list();
        Set<Long> seen = new HashSet<>();
        for (Row r : rows) {
            seen.add(r.id());
            String name = "dump file " + r.id() + " (" + r.folder() + "/" + r.path() + ")";
            LedgerIndex.Fact f = index.dumpFiles.get(r.id());
            if ("PENDING".equals(r.status())) {
                // waiting to be taken in; a file that failed before is set back to PENDING for the next run
                if (f != null && !f.type().equals("FILE_FAILED")) {
                    problems.add(new Problem(name + ": status PENDING in the catalog but " + f.label()
                            + " settled it as " + f.text("status")));
                }
                continue;
            }
            if (f == null) {
                problems.add(new Problem(name + ": status " + r.status() + " but no FILE_* or DUPLICATE_LINKED entry in the ledger"));
                continue;
            }
            List<String> diffs = new ArrayList<>();
            compare(diffs, "status", r.status(), f.text("status"), f);
            compare(diffs, "sha256", r.sha256(), f.text("sha256"), f);
            compare(diffs, "recording_id", text(r.recordingId()), text(f.number("recordingId")), f);
            report(name, diffs);
        }
        index.dumpFiles.forEach((id, f) -> {
            if (!seen.contains(id)) {
                problems.add(new Problem(f.label() + " dump-file:" + id + ": the catalog has no dump file " + id));
            }
        });
        return rows.size();
    }

    private long findings() {
        record Row(String id, String kind, boolean superseded, String explanation) {
        }
        List<Row> rows = jdbc.sql("SELECT id, kind, superseded_at, explanation_reason FROM findings ORDER BY id")
                .query((rs, n) -> new Row(rs.getString("id"), rs.getString("kind"), rs.getObject("superseded_at") != null,
                        rs.getString("explanation_reason")))
                .list();
        Set<String> seen = new HashSet<>();
        for (Row r : rows) {
            seen.add(r.id());
            String name = "finding " + r.id() + " (" + r.kind() + ")";
            LedgerIndex.FindingFacts f = index.findings.get(r.id());
            if (f == null || f.raised == null) {
                problems.add(new Problem(name + ": no FINDING_RAISED entry in the ledger"));
                continue;
            }
            List<String> diffs = new ArrayList<>();
            compare(diffs, "kind", r.kind(), f.raised.text("kind"), f.raised);
            boolean ledgerSuperseded = f.superseded != null && f.superseded.type().equals("FINDING_SUPERSEDED");
            if (r.superseded() != ledgerSuperseded) {
                diffs.add(!r.superseded() ? "open in the catalog but " + f.superseded.label() + " superseded it"
                        : f.superseded == null ? "superseded in the catalog but the ledger never superseded it"
                        : "superseded in the catalog but " + f.superseded.label() + " reopened it");
            }
            if (f.explained != null) {
                compare(diffs, "explanation_reason", r.explanation(), f.explained.text("reason"), f.explained);
            } else if (r.explanation() != null) {
                diffs.add("explained as " + r.explanation() + " but the ledger has no FINDING_EXPLAINED entry");
            }
            report(name, diffs);
        }
        index.findings.forEach((id, f) -> {
            if (!seen.contains(id) && f.raised != null) {
                problems.add(new Problem(f.raised.label() + " finding:" + id + ": the catalog has no finding " + id));
            }
        });
        return rows.size();
    }

    private static void compare(List<String> diffs, String column, String catalog, String ledger, LedgerIndex.Fact fact) {
        if (!Objects.equals(catalog, ledger)) {
            diffs.add(column + " is " + catalog + " in the catalog but " + fact.label() + " says " + ledger);
        }
    }

    private void report(String name, List<String> diffs) {
        if (!diffs.isEmpty()) {
            problems.add(new Problem(name + ": " + String.join("; ", diffs)));
        }
    }

    private static String text(Long n) {
        return n == null ? null : n.toString();
    }
}
