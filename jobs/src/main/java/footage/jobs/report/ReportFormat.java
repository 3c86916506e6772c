package footage.jobs.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The forms a gap report is written in; the file extension is the lower-case name. */
public enum ReportFormat {
    JSON, CSV, HTML, PDF;

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format a command-line word names, e.g. {@code "pdf"}. */
    public static ReportFormat parse(String word) {
        for (ReportFormat f : values()) {
            if (f.extension().equalsIgnoreCase(word.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown report format '" + word + "'; formats: "
                + Arrays.stream(values()).map(ReportFormat::extension).collect(Collectors.joining(", ")));
    }
}
