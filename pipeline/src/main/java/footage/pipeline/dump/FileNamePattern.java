package footage.pipeline.dump;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Recorder file-name convention as a regex with named groups {@code device}, {@code officer}, {@code date}
 * ({@code yyyyMMdd}), {@code time} ({@code HHmmss}), {@code seq} and optionally {@code flag} ({@code IMP} = important).
 */
public final class FileNamePattern {

    public static final String DEFAULT =
            "(?<device>[A-Za-z0-9]+)_(?<officer>[A-Za-z0-9]+)_(?<date>\\d{8})_(?<time>\\d{6})_(?<seq>\\d+)(?:_(?<flag>IMP))?\\.[A-Za-z0-9]+";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

    private final Pattern pattern;

    public FileNamePattern(String regex) {
        try {
            this.pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("footage.ingest.file-name-pattern is not a valid regex: " + e.getDescription());
        }
        for (String group : new String[] {"device", "officer", "date", "time", "seq"}) {
            if (!regex.contains("(?<" + group + ">")) {
                throw new IllegalArgumentException("footage.ingest.file-name-pattern lacks the named group '" + group + "'");
            }
        }
    }

    /** Facts from the file's own name (folders ignored); empty when the name does not follow the pattern. */
    public Optional<FileNameFacts> parse(String fileName) {
        String name = fileName.substring(fileName.lastIndexOf('/') + 1);
        Matcher m = pattern.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDateTime start = LocalDateTime.of(LocalDate.parse(m.group("date"), DATE),
                    LocalTime.parse(m.group("time"), TIME));
            String flag = pattern.pattern().contains("(?<flag>") ? m.group("flag") : null;
            return Optional.of(new FileNameFacts(m.group("device"), m.group("officer"), start, m.group("seq"),
                    "IMP".equalsIgnoreCase(flag)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
