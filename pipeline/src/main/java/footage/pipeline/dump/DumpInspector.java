package footage.pipeline.dump;

import footage.pipeline.continuity.FindingKind;

import footage.pipeline.text.Bounded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Decides whether a dump folder is ready (docs/formats.md §3): a manifest and every listed file present at its listed size,
 * or nothing changed for the quiet period. Reads names and sizes only, never contents (except the manifest).
 */
public final class DumpInspector {

    private final Path dropRoot;
    private final Duration quietPeriod;
    private final Clock clock;
    private final ManifestParser parser = new ManifestParser();

    public DumpInspector(Path dropRoot, Duration quietPeriod, Clock clock) {
        try {
            this.dropRoot = dropRoot.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("drop folder " + dropRoot + " is not readable", e);
        }
        if (quietPeriod.isNegative()) {
            throw new IllegalArgumentException("footage.ingest.quiet-period must not be negative: " + quietPeriod);
        }
        this.quietPeriod = quietPeriod;
        this.clock = clock;
    }

    public DumpInspection inspect(Path dir) throws IOException {
        Map<String, Path> onDisk = new LinkedHashMap<>();
        Map<String, String> raw = new LinkedHashMap<>();
        Map<String, String> unsafe = new LinkedHashMap<>();
        Instant newest = listFiles(dir, onDisk, raw, unsafe);
        boolean quiet = !newest.isAfter(clock.instant().minus(quietPeriod));

        Path manifestFile = dir.resolve(DumpManifest.FILE_NAME);
        BasicFileAttributes manifestAttributes = attributes(manifestFile);
        if (manifestAttributes == null) {
            if (!quiet) {
                return waiting(dir, "no manifest yet, files changed within the quiet period");
            }
            List<DumpFile> files = new ArrayList<>();
            onDisk.forEach((p, f) -> files.add(new DumpFile(p, false, null, null, size(f), DumpFile.Problem.NONE, null, raw.get(p))));
            unsafe.forEach((p, why) -> files.add(new DumpFile(p, false, null, null, null, DumpFile.Problem.UNSAFE_PATH, why, raw.get(p))));
            return new DumpInspection(dir, DumpInspection.State.READY, "no manifest: quiet for " + quietPeriod, null, null, files);
        }
        if (!manifestAttributes.isRegularFile()) {
            // a manifest is there but cannot be used: never "no manifest", never followed
            String why = manifestAttributes.isSymbolicLink()
                    ? "manifest.json is a symbolic link" + linkTarget(manifestFile) + ", not a file: links are not followed"
                    : "manifest.json is not a regular file";
            return quiet ? new DumpInspection(dir, DumpInspection.State.MALFORMED, why, null, null, List.of())
                    : waiting(dir, why);
        }

        ManifestParser.Read read;
        try {
            read = parser.read(manifestFile);
        } catch (ManifestException e) {
            // a station may still be writing it; only a manifest that stays bad is quarantined
            return quiet ? new DumpInspection(dir, DumpInspection.State.MALFORMED, e.getMessage(), null, null, List.of())
                    : waiting(dir, "manifest not parseable yet: " + e.getMessage());
        }
        DumpManifest manifest = read.manifest();

        List<DumpFile> files = new ArrayList<>();
        List<DumpNote> notes = new ArrayList<>();
        Map<String, ManifestEntry> seen = new HashMap<>();
        boolean complete = true;
        for (int i = 0; i < manifest.files().size(); i++) {
            ManifestEntry entry = manifest.files().get(i);
            String listedWhy = unsafeListedPath(entry.path());
            Bounded bounded = Bounded.of(normalise(entry.path()), DumpFile.MAX_PATH);
            String key = bounded.value();
            if (listedWhy == null && key.isEmpty()) {
                listedWhy = "the path names no file: '" + entry.path() + "'";
                key = entry.path();
            }
            String why = listedWhy;
            ManifestEntry first = seen.putIfAbsent(key, entry);
            if (first != null) {
                // one file, two spellings (X.mp4 and ./X.mp4): taken in once, the manifest's slip said
                notes.add(new DumpNote(FindingKind.DUPLICATE_ENTRY, key, "the manifest lists this file twice: as '" + first.path()
                        + "' (" + first.size() + " bytes) and as '" + entry.path() + "' (" + entry.size()
                        + " bytes); taken in once, checked against the first entry"));
                continue;
            }
            if (bounded.cut()) {
                notes.add(new DumpNote(FindingKind.MANIFEST_VALUE_TOO_LONG, key, "files[" + i + "].path is " + bounded.length()
                        + " characters, the catalog keeps " + DumpFile.MAX_PATH + ": kept cut; SHA-256 of the full value "
                        + bounded.sha256()));
            }
            if (why == null && unsafe.containsKey(key)) {
                why = unsafe.remove(key);
            }
            if (why != null) {
                // catalogued as written: '/etc/passwd' normalised would read like a file of the dump
                String shown = listedWhy == null ? key : Bounded.text(entry.path(), DumpFile.MAX_PATH);
                files.add(new DumpFile(shown, true, entry.size(), entry.md5(), null, DumpFile.Problem.UNSAFE_PATH, why, raw.get(shown)));
                continue;
            }
            Path file = onDisk.remove(key);
            if (file == null) {
                complete = false;
                files.add(new DumpFile(key, true, entry.size(), entry.md5(), null, DumpFile.Problem.MISSING,
                        "listed in the manifest but not in the dump"));
                continue;
            }
            long actual = size(file);
            if (actual != entry.size()) {
                complete = false;
                files.add(new DumpFile(key, true, entry.size(), entry.md5(), actual, DumpFile.Problem.SIZE_MISMATCH,
                        "size is " + actual + " bytes, the manifest says " + entry.size(), raw.get(key)));
            } else {
                files.add(new DumpFile(key, true, entry.size(), entry.md5(), actual, DumpFile.Problem.NONE, null, raw.get(key)));
            }
        }
        if (!complete && !quiet) {
            return waiting(dir, "listed files missing or still growing");
        }
        onDisk.forEach((p, f) -> files.add(new DumpFile(p, false, null, null, size(f), DumpFile.Problem.UNLISTED,
                "present in the dump but not listed in the manifest", raw.get(p))));
        unsafe.forEach((p, why) -> files.add(new DumpFile(p, false, null, null, null, DumpFile.Problem.UNSAFE_PATH, why, raw.get(p))));
        return new DumpInspection(dir, DumpInspection.State.READY, complete ? "manifest complete" : "manifest incomplete after the quiet period",
                manifest, read.sha256(), files, notes);
    }

    /**
     * Every file in a dump folder now (relative paths as the catalog keeps them, the manifest left out), without
     * following links: what a dump must have accounted for before it may be called finished.
     */
    public static java.util.Set<String> entries(Path dir) throws IOException {
        java.util.Set<String> out = new java.util.TreeSet<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (!p.equals(dir) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    String rel = name(dir, p).path();
                    if (!rel.equals(DumpManifest.FILE_NAME)) {
                        out.add(rel);
                    }
                }
            }
        }
        return out;
    }

    private static DumpInspection waiting(Path dir, String reason) {
        return new DumpInspection(dir, DumpInspection.State.WAITING, reason, null, null, List.of());
    }

    /** Walks the dump without following links; links that lead out of the drop folder are set aside with a reason. */
    private Instant listFiles(Path dir, Map<String, Path> onDisk, Map<String, String> raw, Map<String, String> unsafe)
            throws IOException {
        Instant newest = Files.getLastModifiedTime(dir).toInstant();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.lastModifiedTime().toInstant().isAfter(newest)) {
                    newest = a.lastModifiedTime().toInstant();
                }
                if (a.isDirectory() || p.equals(dir)) {
                    continue;
                }
                Name name = name(dir, p);
                String rel = name.path();
                if (rel.equals(DumpManifest.FILE_NAME)) {
                    continue;
                }
                if (name.rawHex() != null) {
                    raw.put(rel, name.rawHex());
                }
                if (a.isSymbolicLink()) {
                    String why = linkProblem(p);
                    if (why != null) {
                        unsafe.put(rel, why);
                        continue;
                    }
                } else if (!a.isRegularFile()) {
                    unsafe.put(rel, "not a regular file");
                    continue;
                }
                onDisk.put(rel, p);
            }
        }
        return newest;
    }

    /**
     * How a file below a dump is catalogued: its path as shown ({@link RawNames#display}, normalised like a listed
     * path, at most {@link DumpFile#MAX_PATH} characters), and its bytes in hex whenever that does not spell it.
     */
    record Name(String path, String rawHex) {
    }

    static Name name(Path dir, Path file) {
        byte[] bytes = RawNames.relativeBytes(dir, file);
        // a name on disk is what it is: a backslash in it is part of the name (only a manifest's '\\' is a separator)
        String path = Bounded.of(RawNames.display(bytes), DumpFile.MAX_PATH).value();
        boolean exact = java.util.Arrays.equals(path.getBytes(java.nio.charset.StandardCharsets.UTF_8), bytes);
        return new Name(path, exact ? null : RawNames.hex(bytes));
    }

    private static BasicFileAttributes attributes(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
    }

    private static String linkTarget(Path link) {
        try {
            return " (to " + Files.readSymbolicLink(link) + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private String linkProblem(Path link) {
        try {
            Path target = link.toRealPath();
            if (!target.startsWith(dropRoot)) {
                return "symbolic link points outside the drop folder: " + target;
            }
            if (!Files.isRegularFile(target)) {
                return "symbolic link to something that is not a regular file: " + target;
            }
            return null;
        } catch (IOException e) {
            return "symbolic link cannot be followed: " + e.getMessage();
        }
    }

    private static String unsafeListedPath(String path) {
        String p = path.replace('\\', '/');
        if (p.startsWith("/") || p.matches("^[A-Za-z]:.*")) {
            return "absolute path in the manifest: " + path;
        }
        for (String part : p.split("/")) {
            if (part.equals("..")) {
                return "path escapes the dump: " + path;
            }
        }
        return null;
    }

    /**
     * One spelling per file: '\\' as '/', no empty or '.' segments ({@code ./a//b/./c} is {@code a/b/c}). '..' is
     * left for {@link #unsafeListedPath} to reject.
     */
    static String normalise(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (String part : path.replace('\\', '/').split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('/');
            }
            out.append(part);
        }
        return out.toString();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
