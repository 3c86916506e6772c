package footage.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The Java sources of the jobs module's main code, by path below {@code footage/jobs/}, for tests that read the code. */
final class MainSources {

    private MainSources() {
    }

    /** "catalog/Catalog.java" → its text. Tests run in the jobs module's folder (Surefire's default). */
    static Map<String, String> byPath() {
        Path root = Path.of("src", "main", "java", "footage", "jobs").toAbsolutePath();
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("run from the jobs module's folder: no " + root);
        }
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    /** The feature package of a path below footage/jobs/: "catalog" for "catalog/Catalog.java", "" for the root. */
    static String packageOf(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** Line number (from 1) of an offset of a text. */
    static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
