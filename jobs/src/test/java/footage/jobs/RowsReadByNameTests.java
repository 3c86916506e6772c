package footage.jobs;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22 point 2: rows are mapped by column name (named columns or {@code DataClassRowMapper}). A read by position
 * ({@code rs.getString(3)}) silently reads the wrong column once someone adds one to the SELECT, and the reader must
 * count commas to know what is read.
 */
class RowsReadByNameTests {

    /**
     * A ResultSet getter called with a column number, whatever the variable is called: {@code rs.getLong(1)},
     * {@code row.getObject(4, OffsetDateTime.class)}, split over lines or not.
     */
    static final Pattern POSITIONAL = Pattern.compile("\\b\\w+\\s*\\.\\s*get(String|Long|Int|Object|Boolean|Double|Float"
            + "|Short|Byte|Bytes|BigDecimal|Timestamp|Date|Time|Array|Blob|Clob|NString)\\s*\\(\\s*\\d+\\s*[,)]");

    @Test
    void noMainSourceReadsAColumnByItsPosition() {
        // given
        Map<String, String> sources = MainSources.byPath();

        // when
        List<String> positional = new ArrayList<>();
        sources.forEach((path, text) -> positional.addAll(positionalReads(path, text)));

        // then
        assertThat(positional).as("read these columns by name (docs/architecture.md §7)").isEmpty();
    }

    @Test
    void aPositionalReadIsFoundInEveryShapeTheCodeWritesIt() {
        // given: what the rule must catch, and what it must leave alone (an image reader's getWidth(0))
        String text = """
                rs.getLong(1)
                row.getObject(4, OffsetDateTime.class)
                rs
                    .getString(
                        12)
                rs.getString("id")
                reader.getWidth(0)
                """;

        // when
        List<String> found = positionalReads("Example.java", text);

        // then
        assertThat(found).containsExactly("Example.java:1: rs.getLong(1)", "Example.java:2: row.getObject(4,",
                "Example.java:3: rs .getString( 12)");
    }

    static List<String> positionalReads(String path, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = POSITIONAL.matcher(text);
        while (m.find()) {
            found.add(path + ":" + MainSources.lineOf(text, m.start()) + ": " + m.group().replaceAll("\\s+", " "));
        }
        return found;
    }
}
