package footage.jobs.report;

import footage.pipeline.text.Json;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The report as JSON, schema {@code footage-gap-report/1} (docs/formats.md §7). Built node by node rather than by
 * serialising the model, so that the schema is exactly what this class writes and nothing else leaks into it.
 */
final class JsonReport {

    private JsonReport() {
    }

    static String render(GapReport report) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("schema", GapReport.SCHEMA);
        root.put("generatedAt", ReportText.iso(report.generatedAt()));
        root.put("ledgerHead", report.ledgerHead());
        ArrayNode devices = root.putArray("devices");
        for (GapReport.Device d : report.devices()) {
            ObjectNode device = devices.addObject();
            device.put("deviceId", d.deviceId());
            device.put("clockOffsetSeconds", d.clockOffsetSeconds());
            GapReport.Registered registered = d.registered();
            if (registered != null) {
                // from the device register (docs/formats.md §9): only for a registered device, so other rows keep their fields
                device.put("type", registered.type());
                device.put("model", registered.model());
                device.put("serial", registered.serial());
                device.put("status", registered.status());
                ArrayNode assigned = device.putArray("assignedOfficers");
                for (GapReport.Assignment a : registered.assignments()) {
                    ObjectNode o = assigned.addObject();
                    o.put("officerId", a.officer().id());
                    o.put("officerName", a.officer().name());
                    o.put("from", ReportText.iso(a.from()));
                    o.put("to", ReportText.iso(a.to()));
                }
            }
            ArrayNode recordings = device.putArray("recordings");
            for (GapReport.Recording r : d.recordings()) {
                ObjectNode recording = recordings.addObject();
                recording.put("id", r.id());
                recording.put("file", r.file());
                recording.put("sha256", r.sha256());
                recording.put("start", ReportText.iso(r.start()));
                recording.put("end", ReportText.iso(r.end()));
                recording.put("durationSeconds", r.durationSeconds());
                recording.put("status", r.status());
                recording.put("kind", r.kind());
            }
            ArrayNode findings = device.putArray("findings");
            for (GapReport.Finding f : d.findings()) {
                ObjectNode finding = findings.addObject();
                finding.put("id", f.id());
                finding.put("kind", f.kind().name());
                finding.put("start", ReportText.iso(f.start()));
                finding.put("end", ReportText.iso(f.end()));
                finding.put("seconds", f.seconds());
                ArrayNode files = finding.putArray("recordings");
                f.recordings().forEach(files::add);
                finding.put("activityId", f.activityId());
                GapReport.Explanation e = f.explanation();
                if (e == null) {
                    finding.putNull("explanation");
                } else {
                    ObjectNode explanation = finding.putObject("explanation");
                    explanation.put("reason", e.reason());
                    explanation.put("note", e.note());
                    explanation.put("by", e.by());
                    explanation.put("at", ReportText.iso(e.at()));
                }
            }
        }
        return Json.MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    }
}
