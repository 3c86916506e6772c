package footage.jobs.devices;

import footage.pipeline.time.StrictTimes;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a device register CSV (docs/formats.md §9): UTF-8 (a BOM is allowed), header
 * {@code deviceId,type,model,serial,officerId,officerName,assignedFrom}. A file that is not UTF-8 (a GBK file saved by
 * Excel on Chinese Windows, UTF-16) or lacks a column is refused as a whole ({@link Unreadable}); every bad line gets
 * its reason ({@code line N: ...}), all of them, so that one look at the errors is enough to fix the file.
 */
final class DeviceFileReader {

    static final List<String> HEADER = List.of("deviceId", "type", "model", "serial", "officerId", "officerName", "assignedFrom");

    /** One good line; {@code officerId} and {@code assignedFrom} are both null when the line assigns nobody. */
    record Row(int line, String deviceId, DeviceType type, String model, String serial, String officerId, String officerName,
               OffsetDateTime assignedFrom) {
    }

    record Result(List<Row> rows, List<String> errors) {
    }

    /** The file as a whole cannot be read; nothing of it is imported. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    private final ZoneId zone;

    DeviceFileReader(ZoneId zone) {
        this.zone = zone;
    }

    Result read(byte[] bytes) {
        return parse(text(bytes));
    }

    /** UTF-8, strictly; the BOM dropped. GBK and UTF-16 are named, never guessed into the register. */
    static String text(byte[] bytes) {
        if (bytes.length == 0) {
            throw new Unreadable("the file is empty (expected the header " + String.join(",", HEADER) + ")");
        }
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw new Unreadable("the file is UTF-16 text; save it as UTF-8 (Excel: 'CSV UTF-8') and import it again");
        }
        int skip = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        ByteBuffer content = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        try {
            return strict(StandardCharsets.UTF_8).decode(content).toString();
        } catch (CharacterCodingException notUtf8) {
            content.rewind();
            try {
                strict(Charset.forName("GBK")).decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip));
                throw new Unreadable("the file is not UTF-8: it reads as GBK (GB2312/GB18030), as Excel saves CSV on Chinese "
                        + "Windows; nothing was imported. Save it as UTF-8 (Excel: 'CSV UTF-8') and import it again");
            } catch (CharacterCodingException notGbk) {
                throw new Unreadable("the file is not UTF-8 text (" + notUtf8.getMessage() + "); nothing was imported");
            }
        }
    }

    private static java.nio.charset.CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    Result parse(String text) {
        RegisterTable table = RegisterTable.parse(text, HEADER);
        List<Row> rows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (RegisterTable.Line rec : table.lines()) {
            int line = rec.number();
            List<String> why = new ArrayList<>();
            if (rec.tooWide() != null) {
                why.add(rec.tooWide());
            }
            String id = table.cell(rec, "deviceId");
            if (id == null) {
                why.add("deviceId is empty");
            } else if (seen.containsKey(id)) {
                why.add("duplicate deviceId " + id + " (also on line " + seen.get(id) + ")");
            } else {
                seen.put(id, line);
            }
            DeviceType type = null;
            String typeCell = table.cell(rec, "type");
            if (typeCell == null) {
                why.add("type is empty; one of " + Arrays.toString(DeviceType.values()));
            } else {
                try {
                    type = DeviceType.valueOf(typeCell.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    why.add("unknown type '" + typeCell + "'; one of " + Arrays.toString(DeviceType.values()));
                }
            }
            String officer = table.cell(rec, "officerId");
            String fromCell = table.cell(rec, "assignedFrom");
            OffsetDateTime from = null;
            if (fromCell != null) {
                try {
                    from = StrictTimes.dateTime(fromCell, zone, false);
                } catch (DateTimeException e) {
                    why.add("assignedFrom: " + e.getMessage() + " (ISO-8601, e.g. 2019-02-17T09:30:00+08:00)");
                }
            }
            if (officer != null && fromCell == null) {
                why.add("officerId " + officer + " without assignedFrom (from when is it theirs?)");
            }
            if (officer == null && fromCell != null) {
                why.add("assignedFrom without officerId");
            }
            if (why.isEmpty()) {
                rows.add(new Row(line, id, type, table.cell(rec, "model"), table.cell(rec, "serial"), officer,
                        table.cell(rec, "officerName"), from));
            } else {
                errors.add("line " + line + (id == null ? "" : " (" + id + ")") + ": " + String.join("; ", why));
            }
        }
        return new Result(rows, errors);
    }
}
