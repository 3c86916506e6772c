package footage.jobs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project documents itself (docs/): a reader of any file of the repository finds what it cites inside the
 * repository. Nothing may point at a design file or a folder outside it, and no link of the Markdown docs may lead
 * nowhere.
 */
class DocsTests {

    /** Spelled in pieces so that this file does not match itself. */
    private static final List<String> OUTSIDE = List.of("DESIGN" + ".md", "DESIGN" + " §", ".." + "/shared", "/" + "work/");

    /** Folders that are not the project's text: build output, Git's own, the demo's home, media made by the generator. */
    private static final Set<String> SKIPPED_FOLDERS = Set.of("target", ".git", "var", ".idea", "node_modules");

    /**
     * Flyway validates the checksum of every applied migration, so their comments stay as they were written; a
     * migration added after these must follow the rule like any other file.
     */
    private static final int LAST_FROZEN_MIGRATION = 97;
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.*\\.sql");

    /** [text](target) with an optional title; images too. Angle brackets and nested parentheses are not used here. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

    private static final Path ROOT = repositoryRoot();

    @Test
    void noFileOfTheRepositoryPointsOutsideIt() throws IOException {
        // given
        List<Path> files = textFiles();

        // when
        List<String> offending = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                for (String outside : OUTSIDE) {
                    if (lines.get(i).contains(outside)) {
                        offending.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + outside);
                    }
                }
            }
        }

        // then
        assertThat(files).as("the walk found the repository's sources and docs")
                .contains(ROOT.resolve("README.md"), ROOT.resolve("docs/formats.md"), ROOT.resolve("docs/architecture.md"),
                        ROOT.resolve("jobs/src/main/java/footage/jobs/cli/Commands.java"));
        assertThat(offending).as("references to something outside the repository (cite docs/formats.md or "
                + "docs/architecture.md instead)").isEmpty();
    }

    @Test
    void everyRelativeLinkOfTheMarkdownDocsLeadsToAFileOfTheRepository() throws IOException {
        // given
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("BENCHMARKS.md")));
        try (Stream<Path> inDocs = Files.list(ROOT.resolve("docs"))) {
            inDocs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(docs::add);
        }

        // when
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path doc : docs) {
            Matcher m = LINK.matcher(Files.readString(doc, StandardCharsets.UTF_8));
            while (m.find()) {
                String target = m.group(1);
                if (target.startsWith("#") || target.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue;
                }
                links++;
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved = doc.getParent().resolve(file).normalize();
                if (!resolved.startsWith(ROOT)) {
                    broken.add(ROOT.relativize(doc) + ": " + target + " leaves the repository");
                } else if (!Files.exists(resolved)) {
                    broken.add(ROOT.relativize(doc) + ": " + target + " does not exist");
                } else if (anchor != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(anchor)) {
                    broken.add(ROOT.relativize(doc) + ": " + target + " names no heading of " + file);
                }
            }
        }

        // then
        assertThat(links).as("relative links found in " + docs.size() + " documents").isPositive();
        assertThat(broken).as("Markdown links to no file of the repository").isEmpty();
    }

    /**
     * The anchors a Markdown renderer gives the headings of a file, as GitHub makes them: lower case, punctuation
     * (and so "§") dropped, spaces as hyphens, a repeated heading numbered.
     */
    private static Set<String> anchors(Path markdown) throws IOException {
        Set<String> out = new java.util.HashSet<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(markdown, StandardCharsets.UTF_8)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            }
            if (fenced || !line.matches("#{1,6} .*")) {
                continue;
            }
            String slug = line.replaceFirst("#+ ", "").trim().toLowerCase(java.util.Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
            String unique = slug;
            for (int n = 1; out.contains(unique); n++) {
                unique = slug + "-" + n;
            }
            out.add(unique);
        }
        return out;
    }

    /** Surefire runs in the jobs module's folder; the repository is its parent. */
    private static Path repositoryRoot() {
        Path jobs = Path.of("").toAbsolutePath();
        if (!Files.isRegularFile(jobs.resolve("pom.xml")) || !jobs.getFileName().toString().equals("jobs")) {
            throw new IllegalStateException("run from the jobs module's folder, not " + jobs);
        }
        return jobs.getParent();
    }

    private static List<Path> textFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(ROOT)) {
            walk.filter(p -> !skipped(ROOT.relativize(p))).filter(Files::isRegularFile).filter(DocsTests::text)
                    .sorted().forEach(out::add);
        }
        return out;
    }

    private static boolean skipped(Path relative) {
        for (Path part : relative) {
            if (SKIPPED_FOLDERS.contains(part.toString())) {
                return true;
            }
        }
        Matcher m = MIGRATION.matcher(relative.getFileName() == null ? "" : relative.getFileName().toString());
        return relative.toString().contains("db/migration/") && m.matches()
                && Integer.parseInt(m.group(1)) <= LAST_FROZEN_MIGRATION;
    }

    /** A NUL byte in the first 8 KiB: media and other binaries (the sample media's recordings, fonts, images). */
    private static boolean text(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8192);
            for (byte b : head) {
                if (b == 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }
}
