package footage.jobs.verify;

import footage.jobs.fixity.ArchiveHasher;
import footage.jobs.fixity.ArchivedObject;
import footage.jobs.catalog.ObjectLocations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * {@code verify --full}: re-hashes every archive object the catalog names, on a few threads (one file each, so a
 * disk that serves parallel reads well is kept busy), and lists files under {@code archive/sha256} that no
 * recording names. {@code archive/tmp} holds in-flight copies and is not looked at. Objects the retention sweep
 * moved out are looked for under {@code expired/} (their archive path says so), whose {@code sha256} folder is
 * checked for unknown files the same way.
 */
final class ArchiveCheck {

    record Totals(long objects, long bytes) {
    }

    private final Path root;
    private final Path expired;
    private final int threads;

    ArchiveCheck(Path root, int threads) {
        this(root, root.resolveSibling("expired"), threads);
    }

    ArchiveCheck(Path root, Path expired, int threads) {
        this.root = root;
        this.expired = expired;
        this.threads = threads;
    }

    Totals run(List<ArchivedObject> objects, List<Problem> problems) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "verify-hash");
            t.setDaemon(true);
            return t;
        });
        long bytes = 0;
        try {
            List<Future<String>> results = new ArrayList<>(objects.size());
            for (ArchivedObject o : objects) {
                results.add(pool.submit(() -> check(o)));
            }
            for (int i = 0; i < objects.size(); i++) {
                String problem = results.get(i).get();
                if (problem != null) {
                    problems.add(new Problem(objects.get(i).label() + ": " + problem));
                }
                bytes += objects.get(i).size();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verify was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("re-hashing failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        unknownFiles(objects, problems);
        return new Totals(objects.size(), bytes);
    }

    /** Null when the object is intact, else what is wrong with it. */
    private String check(ArchivedObject o) {
        Path file = ObjectLocations.resolve(root, expired, o.archivePath());
        try {
            ArchiveHasher.Rehash actual = ArchiveHasher.hash(file);
            if (!actual.sha256().equals(o.sha256())) {
                return "changed: its bytes hash to " + actual.sha256() + " (" + actual.size() + " bytes, catalogued "
                        + o.size() + ") at " + o.archivePath();
            }
            if (actual.size() != o.size()) {
                return "size is " + actual.size() + " bytes, catalogued " + o.size();
            }
            return null;
        } catch (NoSuchFileException e) {
            return "missing: no file at " + o.archivePath();
        } catch (IOException e) {
            return "unreadable: " + e;
        }
    }

    private void unknownFiles(List<ArchivedObject> objects, List<Problem> problems) {
        Set<Path> named = new HashSet<>();
        objects.forEach(o -> named.add(ObjectLocations.resolve(root, expired, o.archivePath()).normalize()));
        unknownFiles(root, "the archive", named, problems);
        unknownFiles(expired, "expired/", named, problems);
    }

    private static void unknownFiles(Path root, String where, Set<Path> named, List<Problem> problems) {
        Path store = root.resolve("sha256");
        if (!Files.isDirectory(store)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(store)) {
            walk.filter(p -> !Files.isDirectory(p)).filter(p -> !named.contains(p.normalize())).sorted().forEach(p ->
                    problems.add(new Problem("unknown file in " + where + ": " + root.relativize(p).toString().replace('\\', '/')
                            + " (" + size(p) + " bytes): no recording names it")));
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + store + ": " + e.getMessage(), e);
        }
    }

    private static String size(Path p) {
        try {
            return Long.toString(Files.size(p));
        } catch (IOException e) {
            return "?";
        }
    }
}
