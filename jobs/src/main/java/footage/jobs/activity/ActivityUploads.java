package footage.jobs.activity;

import footage.jobs.FootageProperties;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code footage activities import FILE} for a file uploaded to the console: the same reader (CSV or JSON, one-line
 * reason per bad row) and the same {@link ActivityImporter} (insert or update, ledgered, retention and holds
 * following, the devices re-analysed), with the logged-in user as the actor where the command line names the file.
 * Good rows are stored even when others are bad, as the command does.
 */
@Service
public class ActivityUploads {

    /**
     * What an import did.
     *
     * @param errors one line per rejected row: {@code line N: why} (CSV) or {@code activity N: why} (JSON)
     * @param devices how many devices the continuity analysis looked at again
     * @param raised how many findings it raised
     */
    public record Outcome(int added, int updated, int unchanged, int rejected, List<String> errors, int devices,
                          int raised) {
    }

    /** The file as a whole cannot be read (not UTF-8, no CSV header, JSON that is no list); nothing was stored. */
    public static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    private final FootageProperties properties;
    private final ActivityImporter importer;

    ActivityUploads(FootageProperties properties, ActivityImporter importer) {
        this.properties = properties;
        this.importer = importer;
    }

    public Outcome importFile(byte[] bytes, String user) {
        if (bytes.length == 0) {
            throw new Unreadable("the file is empty");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable("the file is not UTF-8 text (CSV or JSON)");
        }
        List<ActivityFileReader.Row> rows;
        try {
            rows = new ActivityFileReader(properties.deviceZone()).read(text);
        } catch (IOException e) {
            // Jackson's messages go on with where in the source they are: the first line says what
            throw new Unreadable(String.valueOf(e.getMessage()).lines().findFirst().orElse("unreadable"));
        }
        List<ActivityRecord> good = rows.stream().filter(r -> r.error() == null).map(ActivityFileReader.Row::activity).toList();
        List<String> errors = rows.stream().map(ActivityFileReader.Row::error).filter(e -> e != null).toList();
        ActivityImporter.Result r = importer.store(good, user);
        return new Outcome(r.added(), r.updated(), r.unchanged(), errors.size(), errors, r.analysis().devices(),
                r.analysis().raised());
    }
}
