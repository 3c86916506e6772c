package footage.jobs.ledger;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/ledger.md is what a recipient of the ledger reads: its list of entry types has to name every type the
 * application appends, and only those. The types are read from the sources: each {@code ledger.append(...)} call's
 * first argument is a string literal, a choice of literals, or a variable or parameter that is traced back to the
 * literals it is given. A call this cannot trace fails the test instead of being passed over.
 */
class LedgerTypesDocumentedTests {

    /** Surefire runs in the module folder; the docs live at the repository root. */
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Path DOC = Path.of("..", "docs", "ledger.md");

    private static final Pattern APPEND = Pattern.compile("\\bledger\\.append\\(");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_]\\w*");
    private static final Pattern DECLARATION = Pattern.compile("[\\w<>\\[\\]]+\\s+\\w+");
    // a literal used as the value: what follows it ends the expression or a branch of a choice ("X".equals(..) is no
    // value); "FILE_" + status is a prefix
    private static final Pattern VALUE = Pattern.compile("(?<!case )\"([A-Z][A-Z0-9_]*)\"\\s*(\\+|[,):;]|$)");
    private static final Pattern DOCUMENTED = Pattern.compile("`([A-Z][A-Z0-9_]*)`");

    @Test
    void everyTypeTheCodeAppendsIsListedInTheDocAndEveryListedTypeIsAppended() throws IOException {
        // given
        Map<Path, String> sources = sources();
        Set<String> documented = documented();

        // when
        Types types = new Types(sources);
        sources.forEach((file, text) -> {
            Matcher m = APPEND.matcher(text);
            while (m.find()) {
                types.trace(file, text, m.start(), firstArgument(text, m.end() - 1), 0);
            }
        });

        // then
        assertThat(types.untraced).as("ledger.append calls whose type this test cannot trace").isEmpty();
        assertThat(types.exact).as("the scan finds literal, chosen and passed-in types")
                .contains("DUMP_REGISTERED", "RECORDING_DAMAGED", "DUPLICATE_LINKED", "JOB_STOP", "RETENTION_REFUSED");
        assertThat(difference(types.exact, documented)).as("types appended in code but not listed in " + DOC + " (Entry types)")
                .isEmpty();
        assertThat(types.prefixes).as("type prefixes appended in code with no type of theirs listed in " + DOC)
                .allSatisfy(p -> assertThat(documented).anyMatch(t -> t.startsWith(p)));
        Set<String> stale = difference(documented, types.exact);
        stale.removeIf(t -> types.prefixes.stream().anyMatch(t::startsWith));
        assertThat(stale).as("types listed in " + DOC + " that no code appends").isEmpty();
    }

    /** The types of the ledger.append calls: whole names, prefixes ("FILE_" + status), and what could not be traced. */
    private static final class Types {

        final Map<Path, String> sources;
        final Set<String> exact = new TreeSet<>();
        final Set<String> prefixes = new TreeSet<>();
        final List<String> untraced = new ArrayList<>();

        Types(Map<Path, String> sources) {
            this.sources = sources;
        }

        void trace(Path file, String text, int at, String argument, int depth) {
            String where = file + ":" + line(text, at) + " (" + argument + ")";
            if (depth > 3) {
                untraced.add(where);
                return;
            }
            if (IDENTIFIER.matcher(argument).matches()) {
                traceVariable(file, text, at, argument, depth, where);
                return;
            }
            if (!values(argument)) {
                untraced.add(where);
            }
        }

        private boolean values(String expression) {
            Matcher v = VALUE.matcher(expression);
            boolean any = false;
            while (v.find()) {
                (v.group(2).equals("+") ? prefixes : exact).add(v.group(1));
                any = true;
            }
            return any;
        }

        /** A local {@code String name = ...;} or a {@code String name} parameter, whichever is declared last before. */
        private void traceVariable(Path file, String text, int at, String name, int depth, String where) {
            int local = lastBefore(Pattern.compile("\\bString\\s+" + name + "\\s*="), text, at);
            Matcher method = Pattern.compile("(\\w+)\\s*\\(([^()]*\\bString\\s+" + name + "\\b[^()]*)\\)\\s*(throws [\\w.,\\s]+)?\\{")
                    .matcher(text);
            int parameter = -1;
            String methodName = null;
            while (method.find() && method.start() < at) {
                parameter = method.start();
                methodName = method.group(1);
            }
            if (local > parameter) {
                int start = text.indexOf('=', local) + 1;
                if (!values(text.substring(start, statementEnd(text, start)))) {
                    untraced.add(where);
                }
                return;
            }
            if (methodName == null) {
                untraced.add(where);
                return;
            }
            // calls in the same file, or on an object (requests.recordUse(...)) elsewhere
            boolean called = false;
            for (Map.Entry<Path, String> s : sources.entrySet()) {
                Matcher call = Pattern.compile((s.getKey().equals(file) ? "\\b" : "\\.") + methodName + "\\(").matcher(s.getValue());
                while (call.find()) {
                    String argument = firstArgument(s.getValue(), call.end() - 1);
                    if (!DECLARATION.matcher(argument).matches()) {
                        trace(s.getKey(), s.getValue(), call.start(), argument, depth + 1);
                        called = true;
                    }
                }
            }
            if (!called) {
                untraced.add(where + ": no call of " + methodName);
            }
        }
    }

    /** The text of the first argument of the call whose '(' is at {@code open}, stripped. */
    private static String firstArgument(String text, int open) {
        int depth = 0;
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipLiteral(text, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (depth == 0 && (c == ',' || c == ')')) {
                return text.substring(open + 1, i).strip();
            }
        }
        throw new IllegalStateException("unbalanced call at " + open);
    }

    /** Where the statement that starts at {@code from} ends (its ';' outside brackets and literals). */
    private static int statementEnd(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipLiteral(text, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ';' && depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("no end of the statement at " + from);
    }

    /** The index of the closing quote of the literal opened at {@code i}. */
    private static int skipLiteral(String text, int i) {
        char quote = text.charAt(i);
        for (int j = i + 1; j < text.length(); j++) {
            if (text.charAt(j) == '\\') {
                j++;
            } else if (text.charAt(j) == quote) {
                return j;
            }
        }
        throw new IllegalStateException("unclosed literal at " + i);
    }

    private static int lastBefore(Pattern pattern, String text, int at) {
        Matcher m = pattern.matcher(text);
        int last = -1;
        while (m.find() && m.start() < at) {
            last = m.start();
        }
        return last;
    }

    private static int line(String text, int at) {
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    /** The types named in the first column of the doc's "Entry types" table. */
    private static Set<String> documented() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int start = doc.indexOf("\n## Entry types");
        assertThat(start).as(DOC + " has an 'Entry types' section").isNotNegative();
        int end = doc.indexOf("\n## ", start + 1);
        Set<String> types = new TreeSet<>();
        for (String row : doc.substring(start, end < 0 ? doc.length() : end).lines().toList()) {
            String[] cells = row.split("\\|");
            if (row.startsWith("|") && cells.length > 1) {
                Matcher m = DOCUMENTED.matcher(cells[1]);
                while (m.find()) {
                    types.add(m.group(1));
                }
            }
        }
        return types;
    }

    private static Map<Path, String> sources() throws IOException {
        Map<Path, String> sources = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.put(p, Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return sources;
    }
}
