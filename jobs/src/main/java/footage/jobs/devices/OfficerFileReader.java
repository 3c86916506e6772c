package footage.jobs.devices;

import footage.jobs.activity.Csv;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an officers CSV: UTF-8 (a BOM is allowed), header {@code officerId,officerName,unit}. Like the device register
 * ({@link DeviceFileReader}): a file that is not UTF-8 or lacks a column is refused as a whole, every bad line is named.
 */
final class OfficerFileReader {

    static final List<String> HEADER = List.of("officerId", "officerName", "unit");

    record Row(int line, String officerId, String officerName, String unit) {
    }

    record Result(List<Row> rows, List<String> errors) {
    }

    Result read(byte[] bytes) {
        String text;
        try {
            text = DeviceFileReader.text(bytes);
        } catch (DeviceFileReader.Unreadable e) {
            throw new DeviceFileReader.Unreadable(e.getMessage().replace(String.join(",", DeviceFileReader.HEADER), String.join(",", HEADER)));
        }
        List<List<String>> records;
        try {
            records = Csv.parse(text);
        } catch (IOException e) {
            throw new DeviceFileReader.Unreadable(e.getMessage());
        }
        if (records.isEmpty()) {
            throw new DeviceFileReader.Unreadable("the file has no header (expected " + String.join(",", HEADER) + ")");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = HEADER.stream().filter(c -> !columns.containsKey(c.toLowerCase(Locale.ROOT))).toList();
        if (!missing.isEmpty()) {
            throw new DeviceFileReader.Unreadable("the header lacks " + missing + " (expected " + String.join(",", HEADER)
                    + "; found " + String.join(",", header) + ")");
        }
        List<Row> rows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> rec = records.get(r);
            int line = r + 1;
            if (rec.stream().allMatch(String::isBlank)) {
                continue;
            }
            List<String> why = new ArrayList<>();
            if (rec.size() > header.size()) {
                why.add(rec.size() + " cells where the header has " + header.size());
            }
            String id = cell(rec, columns, "officerId");
            if (id == null) {
                why.add("officerId is empty");
            } else if (seen.containsKey(id)) {
                why.add("duplicate officerId " + id + " (also on line " + seen.get(id) + ")");
            } else {
                seen.put(id, line);
            }
            String unit = cell(rec, columns, "unit");
            if (unit == null) {
                why.add("unit is empty (the unit the officer belongs to)");
            }
            if (why.isEmpty()) {
                rows.add(new Row(line, id, cell(rec, columns, "officerName"), unit));
            } else {
                errors.add("line " + line + (id == null ? "" : " (" + id + ")") + ": " + String.join("; ", why));
            }
        }
        return new Result(rows, errors);
    }

    private static String cell(List<String> rec, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name.toLowerCase(Locale.ROOT));
        if (i == null || i >= rec.size()) {
            return null;
        }
        String v = rec.get(i).trim();
        return v.isEmpty() ? null : v;
    }
}
