package footage.jobs.activity;

import footage.jobs.csv.Csv;
import footage.pipeline.text.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import footage.pipeline.time.StrictTimes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads activities from CSV (header {@code id,caseNumber,start,end,devices,officers,permanent}; several values in one
 * cell separated by {@code ;} or {@code |}) or JSON (an array of objects with the same names; lists as arrays).
 * Times are ISO-8601 with offset, or local date-times taken in the device zone. A bad row becomes a one-line reason.
 */
final class ActivityFileReader {

    record Row(int line, ActivityRecord activity, String error) {
    }


    private final ZoneId zone;

    ActivityFileReader(ZoneId zone) {
        this.zone = zone;
    }

    List<Row> read(Path file) throws IOException {
        return read(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** The text of a file (an upload's, decoded as UTF-8); CSV or JSON as it looks. */
    List<Row> read(String text) throws IOException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String trimmed = text.stripLeading();
        return trimmed.startsWith("[") || trimmed.startsWith("{") ? json(trimmed) : csv(text);
    }

    private List<Row> json(String text) throws IOException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new IOException(e.getMessage(), e);
        }
        JsonNode array = root.isArray() ? root : root.path("activities");
        if (!array.isArray()) {
            throw new IOException("JSON must be an array of activities or {\"activities\": [...]}");
        }
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (JsonNode a : array) {
            n++;
            try {
                rows.add(new Row(n, new ActivityRecord(text(a, "id"), text(a, "caseNumber"), time("start", text(a, "start")),
                        time("end", text(a, "end")), list(a.get("devices")), list(a.get("officers")), permanent(a.get("permanent"))), null));
            } catch (IllegalArgumentException e) {
                rows.add(new Row(n, null, "activity " + n + ": " + e.getMessage()));
            }
        }
        return rows;
    }

    private List<Row> csv(String text) throws IOException {
        List<List<String>> records = Csv.parse(text);
        if (records.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).trim().toLowerCase(Locale.ROOT).replace("_", ""), i);
        }
        for (String required : List.of("id", "start", "end")) {
            if (!columns.containsKey(required)) {
                throw new IOException("CSV header lacks the column '" + required + "' (expected id,caseNumber,start,end,devices,officers,permanent)");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> rec = records.get(r);
            if (rec.stream().allMatch(String::isBlank)) {
                continue;
            }
            try {
                rows.add(new Row(r + 1, new ActivityRecord(cell(rec, columns, "id"), cell(rec, columns, "casenumber"),
                        time("start", cell(rec, columns, "start")), time("end", cell(rec, columns, "end")), split(cell(rec, columns, "devices")),
                        split(cell(rec, columns, "officers")), split(cell(rec, columns, "permanent"))), null));
            } catch (IllegalArgumentException e) {
                rows.add(new Row(r + 1, null, "line " + (r + 1) + ": " + e.getMessage()));
            }
        }
        return rows;
    }

    private static String cell(List<String> rec, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        return i == null || i >= rec.size() ? null : rec.get(i).trim();
    }

    private static List<String> split(String cell) {
        return cell == null || cell.isBlank() ? List.of() : Arrays.asList(cell.split("[;|]"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static List<String> list(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isArray()) {
            List<String> out = new ArrayList<>();
            node.forEach(n -> out.add(n.asString()));
            return out;
        }
        return split(node.asString());
    }

    /** Categories as a list, or an object of flags {"PENALTY_EVIDENCE": true, ...}. */
    private static List<String> permanent(JsonNode node) {
        if (node != null && node.isObject()) {
            List<String> out = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getValue().asBoolean()) {
                    out.add(e.getKey());
                }
            }
            return out;
        }
        return list(node);
    }

    /** Strictly: 2024-02-30 is this row's error, never 29 February. */
    private OffsetDateTime time(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return StrictTimes.dateTime(value, zone, false);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage() + " (ISO-8601, e.g. 2019-02-17T09:30:00+08:00)");
        }
    }
}
