package footage.jobs.console;

import footage.jobs.FootageProperties;
import footage.jobs.continuity.ContinuityMarks;
import footage.jobs.schedule.Schedules;
import org.quartz.SchedulerException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The dashboard's facts: the state of the jobs, the archive and the schedules, each from one cheap query. */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class Dashboard {

    record Archive(long recordings, long bytes, Long freeBytes) {

        private static final long LOW = 10L << 30;

        /** Less than 10 GiB left: a few docking stations' dumps. */
        public boolean low() {
            return freeBytes != null && freeBytes < LOW;
        }
    }

    record Facts(List<ExecutionQueries.Row> lastRuns, long failedLastDay, Archive archive, long unexplained,
                 Map<String, Long> unexplainedByKind, List<Schedules.Line> nextFirings, boolean schedulerRunning,
                 boolean anyRunning, List<ContinuityMarks.Waiting> awaitingAnalysis) {
    }

    private final ExecutionQueries queries;
    private final JdbcClient jdbc;
    private final Schedules schedules;
    private final FootageProperties footage;
    private final ConsoleFormat format;
    private final ContinuityMarks marks;

    Dashboard(ExecutionQueries queries, JdbcClient jdbc, Schedules schedules, FootageProperties footage, ConsoleFormat format,
              ContinuityMarks marks) {
        this.marks = marks;
        this.queries = queries;
        this.jdbc = jdbc;
        this.schedules = schedules;
        this.footage = footage;
        this.format = format;
    }

    Facts facts() {
        Map<String, Long> byKind = new java.util.TreeMap<>();
        // findings nobody has explained yet (Art. 11), leaving out those a later analysis no longer finds
        jdbc.sql("SELECT kind, COUNT(*) AS open_findings FROM findings WHERE explanation_reason IS NULL AND superseded_at IS NULL GROUP BY kind")
                .query(rs -> {
                    byKind.put(rs.getString("kind"), rs.getLong("open_findings"));
                });
        List<Schedules.Line> firings;
        boolean schedulerRunning;
        try {
            firings = schedules.lines().stream().filter(l -> l.next() != null && !l.state().equals("PAUSED"))
                    .sorted(Comparator.comparing(Schedules.Line::next)).toList();
            schedulerRunning = schedules.running();
        } catch (SchedulerException e) {
            firings = List.of();
            schedulerRunning = false;
        }
        return new Facts(queries.lastOfEachJob(), queries.failedSince(format.batchNow().minusHours(24)), archive(),
                byKind.values().stream().mapToLong(Long::longValue).sum(), byKind, firings, schedulerRunning,
                queries.anyRunning(), marks.waiting());
    }

    private Archive archive() {
        // moved-out recordings keep their row with an archive path under expired/ (retention sweep)
        record Sum(long count, long bytes) {
        }
        Sum sum = jdbc.sql("SELECT COUNT(*) AS archived, COALESCE(SUM(size_bytes), 0) AS archived_bytes FROM recordings "
                        + "WHERE archive_path NOT LIKE 'expired/%'")
                .query((rs, n) -> new Sum(rs.getLong("archived"), rs.getLong("archived_bytes"))).single();
        return new Archive(sum.count(), sum.bytes(), freeBytes(footage.archive()));
    }

    /** Free space on the archive's file system (of its nearest existing folder before the first ingest). */
    private static Long freeBytes(Path folder) {
        Path p = folder;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        try {
            return p == null ? null : Files.getFileStore(p).getUsableSpace();
        } catch (IOException e) {
            return null;
        }
    }
}
