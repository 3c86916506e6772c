package footage.jobs.catalog;

import footage.jobs.CatalogContext;
import footage.jobs.FootageCommand;
import footage.jobs.FootageProperties;
import footage.pipeline.text.DisplayText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code footage catalog list}: every recording, by device and reference start time, with where its object is
 * (archive, or expired/ once swept) and its retention: class, Art. 15 category, hold, retain-until date.
 */
@Command(name = "list", description = "the recordings in the catalog")
class CatalogListCommand implements FootageCommand {

    @Autowired
    private FootageProperties properties;

    @Autowired
    private JdbcClient jdbc;

    @Override
    public List<Class<?>> catalogContext() {
        return List.of(CatalogContext.class);
    }

    @Override
    public int run(PrintStream out, PrintStream err) {
        record Row(long id, String device, String officer, String start, Double duration, String status, String sha, String file,
                   String where, String retentionClass, String category, boolean held, java.time.LocalDate until,
                   String kind) {
        }
        List<Row> rows = jdbc.sql("SELECT id, device_id, officer_id, corrected_start, duration_seconds, status, sha256, file_name, "
                        + "archive_path, retention_class, retention_category, on_hold, retain_until, kind "
                        + "FROM recordings ORDER BY device_id, corrected_start, id")
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("device_id"), rs.getString("officer_id"),
                        reference(rs.getObject("corrected_start", java.time.OffsetDateTime.class)),
                        rs.getObject("duration_seconds", Double.class), rs.getString("status"), rs.getString("sha256"),
                        rs.getString("file_name"),
                        ObjectLocations.isExpired(rs.getString("archive_path")) ? "expired" : "archive",
                        rs.getString("retention_class"), rs.getString("retention_category"), rs.getBoolean("on_hold"),
                        rs.getObject("retain_until", java.time.LocalDate.class), rs.getString("kind")))
                .list();
        String format = "%-5s %-5s %-12s %-8s %-25s %8s %-9s %-8s %-9s %-16s %-4s %-12s %-12s %s%n";
        out.printf(Locale.ROOT, format, "ID", "KIND", "DEVICE", "OFFICER", "START (reference)", "SECONDS", "STATUS", "WHERE",
                "CLASS", "CATEGORY", "HOLD", "RETAIN-UNTIL", "SHA-256", "FILE");
        for (Row r : rows) {
            // device, officer and file name come from a station: shown, never interpreted by the terminal
            out.printf(Locale.ROOT, format, r.id(), r.kind(), DisplayText.escapeControls(r.device()), DisplayText.escapeControls(r.officer()), r.start(),
                    r.duration() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.duration()), r.status(), r.where(),
                    r.retentionClass(), r.category() == null ? "-" : r.category(), r.held() ? "yes" : "-",
                    r.until() == null ? "-" : r.until(), r.sha().substring(0, 12), DisplayText.escapeControls(r.file()));
        }
        out.println(rows.size() + " recording(s)");
        return 0;
    }

    private String reference(java.time.OffsetDateTime t) {
        return t == null ? "-" : t.atZoneSameInstant(properties.deviceZone()).toOffsetDateTime()
                .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
