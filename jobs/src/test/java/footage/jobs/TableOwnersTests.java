package footage.jobs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22 point 2, one owner per table: every table is written (INSERT, UPDATE, DELETE, MERGE in the SQL of the main
 * sources) only from the package that owns it, as docs/architecture.md §2 "Table owners" lists them; other packages
 * go through the owner's repository. The map is read from that document, so the document and the rule cannot drift
 * apart, and a new table fails here until it is given an owner there.
 */
class TableOwnersTests {

    /**
     * Writes not moved to their owner yet, by table and file, each with why. Remove an entry once its write has moved;
     * add none without a reason.
     */
    static final Map<String, Set<String>> NOT_YET_MOVED = Map.of(
            // the continuity analysis stores each activity's coverage (one batched UPDATE of coverage_percent); through
            // activity's repository it would be a package cycle, since activity's import starts continuity's analysis
            "activities", Set.of("continuity/ContinuityService.java"));

    /** A chain of string literals joined by {@code +}, read as one SQL text; or a text block. */
    private static final Pattern LITERALS = Pattern.compile("\"\"\"[\\s\\S]*?\"\"\""
            + "|\"(?:[^\"\\\\\\n]|\\\\.)*\"(?:\\s*\\+\\s*\"(?:[^\"\\\\\\n]|\\\\.)*\")*");
    private static final Pattern JOIN = Pattern.compile("\"\\s*\\+\\s*\"");

    /** The SQL of the project is written in capitals; a "FOR UPDATE" lock or an upsert's "DO UPDATE" names no table. */
    private static final Pattern WRITE = Pattern.compile("(?<![\\w.])(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO)\\s+([A-Za-z_]\\w*)");
    private static final Pattern NOT_A_TABLE_BEFORE = Pattern.compile("(?:FOR|DO)\\s*$");

    /** A row of the owners table: | `table` | `package` | ... */
    private static final Pattern OWNER_ROW = Pattern.compile("^\\| `([a-z_]+\\*?)` \\| `([a-z]+)` \\|", Pattern.MULTILINE);

    record Write(String path, int line, String table) {
        @Override
        public String toString() {
            return path + ":" + line + " writes " + table;
        }
    }

    @Test
    void everyTableIsWrittenOnlyFromTheOwnerDocsArchitectureNames() throws IOException {
        // given
        Map<String, String> owners = owners();
        List<Write> writes = new ArrayList<>();
        MainSources.byPath().forEach((path, text) -> writes.addAll(writes(path, text)));

        // when
        List<String> strays = new ArrayList<>();
        for (Write w : writes) {
            String owner = ownerOf(owners, w.table());
            if (owner == null) {
                strays.add(w + ", which has no owner in docs/architecture.md §2");
            } else if (!owner.equals(MainSources.packageOf(w.path()))
                    && !NOT_YET_MOVED.getOrDefault(w.table(), Set.of()).contains(w.path())) {
                strays.add(w + ", owned by " + owner + ": go through its repository");
            }
        }

        // then
        assertThat(writes).as("the scan finds the catalog's writes at all").isNotEmpty();
        assertThat(strays).isEmpty();
    }

    @Test
    void theExceptionsAreStillNeeded() {
        // given
        Set<String> written = new TreeSet<>();
        MainSources.byPath().forEach((path, text) -> writes(path, text).forEach(w -> written.add(w.table() + " " + w.path())));

        // when
        List<String> stale = new ArrayList<>();
        NOT_YET_MOVED.forEach((table, paths) -> paths.stream().filter(p -> !written.contains(table + " " + p))
                .forEach(p -> stale.add(table + " " + p)));

        // then
        assertThat(stale).as("writes moved to their owner: remove them from NOT_YET_MOVED").isEmpty();
    }

    @Test
    void aWriteIsFoundInEveryShapeTheCodeWritesIt() {
        // given
        String text = """
                jdbc.sql("INSERT INTO holds (case_number, recording_id) VALUES (?, ?)");
                jdbc.sql("UPDATE recordings SET on_hold = ? "
                        + "WHERE id = ?");
                jdbc.sql("DELETE "
                        + "FROM continuity_marks WHERE id = ?");
                jdbc.sql("MERGE INTO officers KEY (officer_id) VALUES (?, ?)");
                jdbc.sql("SELECT id FROM ledger_lock WHERE id = 1 FOR UPDATE");
                jdbc.sql("INSERT INTO job_claims (job_name) VALUES (?) ON CONFLICT (job_name) DO UPDATE SET node_id = ?");
                log.info("update recordings by hand"); // words, not SQL
                """;

        // when
        List<Write> found = writes("Example.java", text);

        // then
        assertThat(found).extracting(Write::table, Write::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("holds", 1), org.assertj.core.groups.Tuple.tuple("recordings", 2),
                org.assertj.core.groups.Tuple.tuple("continuity_marks", 4), org.assertj.core.groups.Tuple.tuple("officers", 6),
                org.assertj.core.groups.Tuple.tuple("job_claims", 8));
    }

    static List<Write> writes(String path, String text) {
        List<Write> found = new ArrayList<>();
        Matcher literal = LITERALS.matcher(text);
        while (literal.find()) {
            String sql = JOIN.matcher(literal.group()).replaceAll("");
            Matcher write = WRITE.matcher(sql);
            while (write.find()) {
                if (!NOT_A_TABLE_BEFORE.matcher(sql.substring(0, write.start())).find()) {
                    found.add(new Write(path, MainSources.lineOf(text, literal.start()),
                            write.group(2).toLowerCase(java.util.Locale.ROOT)));
                }
            }
        }
        return found;
    }

    /** table (or prefix ending in *) → owning package, from docs/architecture.md. */
    static Map<String, String> owners() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "architecture.md"), StandardCharsets.UTF_8);
        int start = doc.indexOf("### Table owners");
        assertThat(start).as("docs/architecture.md has its section \"### Table owners\"").isNotNegative();
        Matcher row = OWNER_ROW.matcher(doc.substring(start));
        Map<String, String> owners = new LinkedHashMap<>();
        while (row.find()) {
            owners.put(row.group(1), row.group(2));
        }
        assertThat(owners).as("rows of the table owners' table").isNotEmpty();
        return owners;
    }

    private static String ownerOf(Map<String, String> owners, String table) {
        Map<String, String> sorted = new TreeMap<>(owners);
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            String t = e.getKey();
            if (t.endsWith("*") ? table.startsWith(t.substring(0, t.length() - 1)) : table.equals(t)) {
                return e.getValue();
            }
        }
        return null;
    }
}
