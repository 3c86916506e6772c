package footage.pipeline.dump;

import footage.pipeline.time.StrictTimes;

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
 * Date and time are read strictly: a name dated 20240230 still names its device and officer, but its time is
 * unreadable (said in {@link FileNameFacts#timeProblem()}), never read as 29 February.
 */
public final class FileNamePattern {

    public static final String DEFAULT =
            "(?<device>[A-Za-z0-9]+)_(?<officer>[A-Za-z0-9]+)_(?<date>\\d{8})_(?<time>\\d{6})_(?<seq>\\d+)(?:_(?<flag>IMP))?\\.[A-Za-z0-9]+";

    private static final DateTimeFormatter DATE = StrictTimes.pattern("uuuuMMdd");
    private static final DateTimeFormatter TIME = StrictTimes.pattern("HHmmss");

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

    /**
     * Facts from the file's own name (folders ignored); empty when the name does not follow the pattern. A name that
     * follows it with an impossible date or time gives its other facts and the reason its time is unreadable.
     */
    public Optional<FileNameFacts> parse(String fileName) {
        String name = fileName.substring(fileName.lastIndexOf('/') + 1);
        Matcher m = pattern.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        String date = m.group("date");
        String time = m.group("time");
        String problem = null;
        LocalDateTime start = null;
        try {
            LocalDate day = LocalDate.parse(date, DATE);
            try {
                start = LocalDateTime.of(day, LocalTime.parse(time, TIME));
            } catch (DateTimeParseException e) {
                problem = unreadable("time", time, "HHmmss", e);
            }
        } catch (DateTimeParseException e) {
            problem = unreadable("date", date, "yyyyMMdd", e);
        }
        String flag = pattern.pattern().contains("(?<flag>") ? m.group("flag") : null;
        return Optional.of(new FileNameFacts(m.group("device"), m.group("officer"), start, m.group("seq"),
                "IMP".equalsIgnoreCase(flag), problem));
    }

    private static String unreadable(String what, String text, String shape, DateTimeParseException e) {
        String why = StrictTimes.impossible(e);
        return why != null ? "file name " + what + " " + text + " is not a real " + what + " (" + why + ")"
                : "file name " + what + " " + text + " is not a " + what + " in the form " + shape;
    }
}
