package footage.jobs.devices;

import footage.jobs.csv.Csv;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A register CSV (devices, officers) as a table: the header checked against the columns expected (in any order and
 * case), the non-blank lines with their line numbers, cells by column name.
 */
final class RegisterTable {

    /** One non-blank line; {@code tooWide} names a line with more cells than the header. */
    record Line(int number, List<String> cells, String tooWide) {
    }

    private final Map<String, Integer> columns;
    private final List<Line> lines;

    private RegisterTable(Map<String, Integer> columns, List<Line> lines) {
        this.columns = columns;
        this.lines = lines;
    }

    static RegisterTable parse(String text, List<String> expected) {
        List<List<String>> records;
        try {
            records = Csv.parse(text);
        } catch (IOException e) {
            throw new DeviceFileReader.Unreadable(e.getMessage());
        }
        if (records.isEmpty()) {
            throw new DeviceFileReader.Unreadable("the file has no header (expected " + String.join(",", expected) + ")");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = expected.stream().filter(c -> !columns.containsKey(c.toLowerCase(Locale.ROOT))).toList();
        if (!missing.isEmpty()) {
            throw new DeviceFileReader.Unreadable("the header lacks " + missing + " (expected " + String.join(",", expected)
                    + "; found " + String.join(",", header) + ")");
        }
        List<Line> lines = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> rec = records.get(r);
            if (rec.stream().allMatch(String::isBlank)) {
                continue;
            }
            lines.add(new Line(r + 1, rec, rec.size() > header.size() ? rec.size() + " cells where the header has " + header.size() : null));
        }
        return new RegisterTable(columns, lines);
    }

    List<Line> lines() {
        return lines;
    }

    /** The trimmed cell of that column, null when empty or missing. */
    String cell(Line line, String name) {
        Integer i = columns.get(name.toLowerCase(Locale.ROOT));
        if (i == null || i >= line.cells().size()) {
            return null;
        }
        String v = line.cells().get(i).trim();
        return v.isEmpty() ? null : v;
    }
}
