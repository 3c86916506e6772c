package footage.jobs.csv;

import footage.pipeline.text.DisplayText;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV as the project reads and writes it: RFC 4180 (CRLF, quoted fields may hold commas, quotes and line breaks)
 * through Apache Commons CSV. Every CSV written goes through {@link #write}, so every text cell is made inert for
 * spreadsheets by the one function {@link #inert}.
 */
public final class Csv {

    /** Blank lines between records are skipped; text after a closing quote is kept, as the hand-written reader did. */
    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrailingData(true).get();
    private static final CSVFormat QUOTED_WHEN_NEEDED = CSVFormat.RFC4180;
    private static final CSVFormat QUOTED_ALWAYS = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();

    /** How cells are quoted: when they need it, or always (the access register, so that ids stay text). */
    public enum Quoting {
        WHEN_NEEDED, ALWAYS
    }

    /**
     * A number the caller has formatted: written as it is. A negative number is data, not a formula, and must stay a
     * number, so it is not made inert as text is.
     */
    public record Numeral(String text) {
    }

    private Csv() {
    }

    /** Every record of the text, each as its fields; a blank line is no record. */
    public static List<List<String>> parse(String text) throws IOException {
        List<List<String>> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, READ)) {
            for (CSVRecord record : parser) {
                records.add(record.toList());
            }
        } catch (UncheckedIOException e) {
            throw reason(e.getCause());
        } catch (IOException e) {
            throw reason(e);
        }
        return records;
    }

    private static IOException reason(IOException e) {
        String message = String.valueOf(e.getMessage());
        return new IOException(message.contains("EOF reached before encapsulated token finished")
                ? "CSV ends inside a quoted field" : "CSV cannot be read: " + message, e);
    }

    /**
     * The rows as CSV text. A {@link String} cell is {@link #inert} text, a {@link Numeral} or any other value (a
     * count, a date) is written as it is, null is an empty cell.
     */
    public static String write(List<? extends List<?>> rows, Quoting quoting) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, quoting == Quoting.ALWAYS ? QUOTED_ALWAYS : QUOTED_WHEN_NEEDED)) {
            for (List<?> row : rows) {
                printer.printRecord(row.stream().map(Csv::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return out.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            return inert(text);
        }
        return value instanceof Numeral n ? n.text() : value.toString();
    }

    /**
     * A text cell made inert: spreadsheets read a cell starting with = + - @ (or a tab or CR before one) as a formula
     * (OWASP "CSV injection"), so such text gets an apostrophe. Controls and bidi overrides (a name with U+202E) are
     * shown as escapes; a note's line feeds and tabs stay in its quoted cell.
     */
    public static String inert(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        value = DisplayText.escapeControls(value, true);
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }
}
