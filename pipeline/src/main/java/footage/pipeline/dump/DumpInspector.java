package footage.pipeline.dump;

import org.apache.commons.codec.digest.DigestUtils;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Decides whether a dump folder is ready (DESIGN §4): a manifest and every listed file present at its listed size,
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
        Map<String, String> unsafe = new LinkedHashMap<>();
        Instant newest = listFiles(dir, onDisk, unsafe);
        boolean quiet = !newest.isAfter(clock.instant().minus(quietPeriod));

        Path manifestFile = dir.resolve(DumpManifest.FILE_NAME);
        if (!Files.isRegularFile(manifestFile, LinkOption.NOFOLLOW_LINKS)) {
            if (!quiet) {
                return waiting(dir, "no manifest yet, files changed within the quiet period");
            }
            List<DumpFile> files = new ArrayList<>();
            onDisk.forEach((p, f) -> files.add(new DumpFile(p, false, null, null, size(f), DumpFile.Problem.NONE, null)));
            unsafe.forEach((p, why) -> files.add(new DumpFile(p, false, null, null, null, DumpFile.Problem.UNSAFE_PATH, why)));
            return new DumpInspection(dir, DumpInspection.State.READY, "no manifest: quiet for " + quietPeriod, null, null, files);
        }

        DumpManifest manifest;
        try {
            manifest = parser.parse(manifestFile);
        } catch (ManifestException e) {
            // a station may still be writing it; only a manifest that stays bad is quarantined
            return quiet ? new DumpInspection(dir, DumpInspection.State.MALFORMED, e.getMessage(), null, null, List.of())
                    : waiting(dir, "manifest not parseable yet: " + e.getMessage());
        }

        List<DumpFile> files = new ArrayList<>();
        boolean complete = true;
        for (ManifestEntry entry : manifest.files()) {
            String why = unsafeListedPath(entry.path());
            String key = normalise(entry.path());
            if (why == null && unsafe.containsKey(key)) {
                why = unsafe.remove(key);
            }
            if (why != null) {
                files.add(new DumpFile(entry.path(), true, entry.size(), entry.md5(), null, DumpFile.Problem.UNSAFE_PATH, why));
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
                        "size is " + actual + " bytes, the manifest says " + entry.size()));
            } else {
                files.add(new DumpFile(key, true, entry.size(), entry.md5(), actual, DumpFile.Problem.NONE, null));
            }
        }
        if (!complete && !quiet) {
            return waiting(dir, "listed files missing or still growing");
        }
        onDisk.forEach((p, f) -> files.add(new DumpFile(p, false, null, null, size(f), DumpFile.Problem.UNLISTED,
                "present in the dump but not listed in the manifest")));
        unsafe.forEach((p, why) -> files.add(new DumpFile(p, false, null, null, null, DumpFile.Problem.UNSAFE_PATH, why)));
        String manifestSha = DigestUtils.sha256Hex(Files.readAllBytes(manifestFile));
        return new DumpInspection(dir, DumpInspection.State.READY, complete ? "manifest complete" : "manifest incomplete after the quiet period",
                manifest, manifestSha, files);
    }

    /**
     * Every file in a dump folder now (relative paths as the catalog keeps them, the manifest left out), without
     * following links: what a dump must have accounted for before it may be called finished.
     */
    public static java.util.Set<String> entries(Path dir) throws IOException {
        java.util.Set<String> out = new java.util.TreeSet<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = normalise(dir.relativize(p).toString());
                if (!rel.isEmpty() && !rel.equals(DumpManifest.FILE_NAME)
                        && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(rel);
                }
            }
        }
        return out;
    }

    private static DumpInspection waiting(Path dir, String reason) {
        return new DumpInspection(dir, DumpInspection.State.WAITING, reason, null, null, List.of());
    }

    /** Walks the dump without following links; links that lead out of the drop folder are set aside with a reason. */
    private Instant listFiles(Path dir, Map<String, Path> onDisk, Map<String, String> unsafe) throws IOException {
        Instant newest = Files.getLastModifiedTime(dir).toInstant();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.lastModifiedTime().toInstant().isAfter(newest)) {
                    newest = a.lastModifiedTime().toInstant();
                }
                String rel = normalise(dir.relativize(p).toString());
                if (a.isDirectory() || rel.equals(DumpManifest.FILE_NAME) || rel.isEmpty()) {
                    continue;
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

    private static String normalise(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
