package footage.jobs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Everything under {@code footage.*}. Folders default to sub-folders of {@code footage.home} (docs/formats.md §2) and can
 * each be placed elsewhere, e.g. {@code footage.expired} on another filesystem.
 */
@ConfigurationProperties("footage")
public record FootageProperties(Path home, Path drop, Path archive, Path quarantine, Path proxies, Path expired,
                                Path reports, Path exports, ZoneId deviceZone, @DefaultValue Ingest ingest,
                                @DefaultValue Debug debug) {

    public FootageProperties {
        if (home == null) {
            throw new IllegalArgumentException("footage.home is not set");
        }
        home = home.toAbsolutePath().normalize();
        drop = orUnder(drop, home, "drop");
        archive = orUnder(archive, home, "archive");
        quarantine = orUnder(quarantine, home, "quarantine");
        proxies = orUnder(proxies, home, "proxies");
        expired = orUnder(expired, home, "expired");
        reports = orUnder(reports, home, "reports");
        exports = orUnder(exports, home, "exports");
        deviceZone = deviceZone == null ? ZoneId.of("Asia/Shanghai") : deviceZone;
    }

    private static Path orUnder(Path configured, Path home, String name) {
        return (configured == null ? home.resolve(name) : configured).toAbsolutePath().normalize();
    }

    /**
     * @param quietPeriod     how long a dump must stay unchanged before it is taken without a complete manifest
     * @param doneFolder      folder inside the drop folder that finished dumps move to
     * @param fileNamePattern regex with named groups device, officer, date, time, seq and optional flag
     * @param actor           who the ledger names for unattended work
     * @param maxAttempts     runs in which reading a file may fail in a way that repeats (an I/O error of its disk)
     *                        before it is settled UNREADABLE, left in place, with a finding; passing errors (disk
     *                        full, database down) never count
     */
    public record Ingest(@DefaultValue("2m") Duration quietPeriod, @DefaultValue(".done") String doneFolder,
                         String fileNamePattern, @DefaultValue("system") String actor, @DefaultValue("3") int maxAttempts,
                         @DefaultValue("3") int filesAtOnce) {
        /**
         * A bound, not a tuning. The default, three, was the fastest in the running service on the 2-core machine (a
         * cold 2 GiB dump: 0.79–0.80 × the baseline against 0.83–0.91 × with two, 0.83–0.86 × with four; BENCHMARKS.md §1–3).
         */
        public static final int MOST_FILES_AT_ONCE = 8;

        public Ingest {
            if (filesAtOnce < 1 || filesAtOnce > MOST_FILES_AT_ONCE) {
                throw new IllegalArgumentException("footage.ingest.files-at-once must be from 1 to " + MOST_FILES_AT_ONCE
                        + ": " + filesAtOnce);
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("footage.ingest.max-attempts must be at least 1: " + maxAttempts);
            }
            if (quietPeriod.isNegative()) {
                throw new IllegalArgumentException("footage.ingest.quiet-period must not be negative: " + quietPeriod);
            }
            if (doneFolder.isBlank() || doneFolder.contains("/") || doneFolder.contains("..")) {
                throw new IllegalArgumentException("footage.ingest.done-folder must be a plain folder name: '" + doneFolder + "'");
            }
            fileNamePattern = fileNamePattern == null || fileNamePattern.isBlank()
                    ? footage.pipeline.dump.FileNamePattern.DEFAULT : fileNamePattern;
        }
    }

    /**
     * Test hook: {@code pauseAt = "<point>:<n>"} makes the n-th file started in this run stop at that point
     * (before-open, mid-copy, after-rename on that file's own thread; before-commit, after-commit at the commit of the
     * chunk that holds it), print {@code PAUSED <point>} and wait to be killed, or for a line {@code resume} on stdin
     * to go on. {@code ioError = "<file name>[:<message>]"} makes every read of a dump file of
     * that name fail with an I/O error (message "Input/output error" unless given), as a failing disk would.
     */
    public record Debug(String pauseAt, String ioError) {
    }
}
