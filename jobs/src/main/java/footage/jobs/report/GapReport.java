package footage.jobs.report;

import footage.pipeline.continuity.FindingKind;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The gap-detection report of docs/formats.md §7 as values; every time is already in {@link #zone}. The renderers turn it
 * into JSON, CSV, HTML and PDF.
 *
 * @param ledgerHead hash of the newest ledger entry when the report was built: ties the report to the catalog state
 */
public record GapReport(OffsetDateTime generatedAt, String ledgerHead, ZoneId zone, ReportFilter filter,
                        List<Device> devices) {

    public static final String SCHEMA = "footage-gap-report/1";

    public GapReport {
        devices = List.copyOf(devices);
    }

    /**
     * @param clockOffsetSeconds offset measured at the device's newest dock (device clock − dock time), null if unknown
     * @param officers           who carried the device for the recordings (and findings) shown
     */
    public record Device(String deviceId, Double clockOffsetSeconds, List<Officer> officers, List<Recording> recordings,
                         List<Finding> findings, Registered registered) {
        public Device {
            officers = List.copyOf(officers);
            recordings = List.copyOf(recordings);
            findings = List.copyOf(findings);
        }

        /** A device the register does not know (or a report without a register). */
        public Device(String deviceId, Double clockOffsetSeconds, List<Officer> officers, List<Recording> recordings,
                      List<Finding> findings) {
            this(deviceId, clockOffsetSeconds, officers, recordings, findings, null);
        }
    }

    /**
     * What the device register (docs/formats.md §9) says of a device.
     *
     * @param assignments the officers it was assigned to during the report's span (the whole history when unfiltered)
     */
    public record Registered(String type, String model, String serial, String status, List<Assignment> assignments) {
        public Registered {
            assignments = List.copyOf(assignments);
        }

        /** "BODY_CAMERA DSJ-V7" and who it was assigned to, for the devices table. */
        public String label() {
            String what = model == null || model.isBlank() ? type : type + " " + model;
            String who = String.join(", ", assignments.stream().map(a -> a.officer().label()).distinct().toList());
            return who.isEmpty() ? what : what + " → " + who;
        }
    }

    /** {@code to} null: still assigned. */
    public record Assignment(Officer officer, OffsetDateTime from, OffsetDateTime to) {
    }

    public record Officer(String id, String name) {
        public String label() {
            if (name == null || name.isBlank()) {
                return id == null ? "" : id;
            }
            return id == null ? name : name + " (" + id + ")";
        }
    }

    /**
     * @param start           corrected (reference) start, null when the device clock could not be placed
     * @param end             start + the seconds the media really lasts (less than stated when truncated)
     * @param durationSeconds the seconds the media really lasts, so that end − start = durationSeconds; null for a photo
     * @param kind            VIDEO, AUDIO or PHOTO; a photo is an instant: end = start
     */
    public record Recording(String id, String file, String sha256, OffsetDateTime start, OffsetDateTime end,
                            Double durationSeconds, String status, String kind, Retention retention) {

        public Recording(String id, String file, String sha256, OffsetDateTime start, OffsetDateTime end,
                         Double durationSeconds, String status) {
            this(id, file, sha256, start, end, durationSeconds, status, "VIDEO", null);
        }

        public boolean photo() {
            return "PHOTO".equals(kind);
        }
    }

    /**
     * Retention of a recording (docs/formats.md §12), shown in the HTML, PDF and CSV renderings; the JSON schema of §7 has no
     * place for it.
     *
     * @param category    the Art. 15 category of a PERMANENT recording, else null
     * @param retainUntil last day a STANDARD recording is kept, null for PERMANENT
     * @param movedOut    the retention sweep moved it to expired/
     */
    public record Retention(String retentionClass, String category, boolean held, java.time.LocalDate retainUntil,
                            boolean movedOut) {
    }

    /** @param recordings file names the finding concerns (for a GAP the one before and the one after) */
    public record Finding(String id, FindingKind kind, OffsetDateTime start, OffsetDateTime end, Double seconds,
                          List<String> recordings, String activityId, Explanation explanation, String detail) {
        public Finding {
            recordings = List.copyOf(recordings);
        }

        public boolean explained() {
            return explanation != null;
        }
    }

    /** The reason stated for a stop (Art. 11), with who stated it and when. */
    public record Explanation(String reason, String note, String by, OffsetDateTime at) {
    }
}
