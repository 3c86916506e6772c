package footage.jobs.verify;

import footage.jobs.Sizes;
import footage.jobs.catalog.ObjectLocations;
import footage.jobs.fixity.ArchiveHasher;
import footage.jobs.fixity.ArchivedObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
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

    /** How often a long re-hash says how far it is. */
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final Path root;
    private final Path expired;
    private final int threads;
    private final Duration progressEvery;
    private final Consumer<String> progress;

    ArchiveCheck(Path root, int threads) {
        this(root, root.resolveSibling("expired"), threads, PROGRESS_EVERY, line -> { });
    }

    /** {@code progress} gets a line as the re-hash starts and then one each {@code progressEvery} until it ends. */
    ArchiveCheck(Path root, Path expired, int threads, Duration progressEvery, Consumer<String> progress) {
        this.root = root;
        this.expired = expired;
        this.threads = threads;
        this.progressEvery = progressEvery;
        this.progress = progress;
    }

    Totals run(List<ArchivedObject> objects, List<Problem> problems) {
        long total = objects.stream().mapToLong(ArchivedObject::size).sum();
        // an archive of terabytes takes hours: say what is coming, then how far it is
        progress.accept("verify: re-hashing " + objects.size() + " archive object(s), " + Sizes.bytes(total) + ", on "
                + threads + " thread(s)");
        long started = System.nanoTime();
        long nextLine = started + progressEvery.toNanos();
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
                long now = System.nanoTime();
                if (now >= nextLine && i < objects.size() - 1) {
                    progress.accept(line(i + 1, objects.size(), bytes, total, now - started));
                    nextLine = now + progressEvery.toNanos();
                }
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

    /** "verify: re-hashed 120 of 4000 object(s), 11.7 GiB of 390.6 GiB (3 %), 1.2 GiB/s, about 5 min to go". */
    static String line(int done, int objects, long bytes, long total, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
        double rate = bytes / seconds;
        String left = rate <= 0 ? "" : ", about " + remaining((long) ((total - bytes) / rate)) + " to go";
        return "verify: re-hashed " + done + " of " + objects + " object(s), " + Sizes.bytes(bytes) + " of "
                + Sizes.bytes(total) + " (" + (total == 0 ? 100 : bytes * 100 / total) + " %), " + Sizes.bytes((long) rate)
                + "/s" + left;
    }

    private static String remaining(long seconds) {
        if (seconds < 90) {
            return seconds + " s";
        }
        if (seconds < 90 * 60) {
            return Math.round(seconds / 60.0) + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600.0);
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
