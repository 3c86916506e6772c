package footage.jobs.devices;


import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
        RegisterTable table = RegisterTable.parse(text, HEADER);
        List<Row> rows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (RegisterTable.Line rec : table.lines()) {
            int line = rec.number();
            List<String> why = new ArrayList<>();
            if (rec.tooWide() != null) {
                why.add(rec.tooWide());
            }
            String id = table.cell(rec, "officerId");
            if (id == null) {
                why.add("officerId is empty");
            } else if (seen.containsKey(id)) {
                why.add("duplicate officerId " + id + " (also on line " + seen.get(id) + ")");
            } else {
                seen.put(id, line);
            }
            String unit = table.cell(rec, "unit");
            if (unit == null) {
                why.add("unit is empty (the unit the officer belongs to)");
            }
            if (why.isEmpty()) {
                rows.add(new Row(line, id, table.cell(rec, "officerName"), unit));
            } else {
                errors.add("line " + line + (id == null ? "" : " (" + id + ")") + ": " + String.join("; ", why));
            }
        }
        return new Result(rows, errors);
    }
}
