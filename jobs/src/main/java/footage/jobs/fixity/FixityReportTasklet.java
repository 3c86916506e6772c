package footage.jobs.fixity;

import footage.jobs.FootageProperties;
import footage.jobs.ledger.Ledger;
import footage.pipeline.archive.DurableFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Last step of {@code fixityAuditJob}: {@code <reports>/fixity-<time>.txt} with what the whole audit found (all its
 * executions, a restart included), the failures by SHA-256 and original name, and the ledger head it ends at.
 */
class FixityReportTasklet implements Tasklet {

    static final String REPORT_KEY = "fixity.report";
    private static final Logger log = LoggerFactory.getLogger(FixityReportTasklet.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss");

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final FootageProperties properties;
    private final FixityProperties fixity;

    FixityReportTasklet(JdbcClient jdbc, Ledger ledger, FootageProperties properties, FixityProperties fixity) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.properties = properties;
        this.fixity = fixity;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long audit = job.getJobInstanceId();
        record Failed(String sha256, String originalPath, String archivePath) {
        }
        long ok = count(audit, "OK");
        List<Failed> failed = jdbc.sql("SELECT sha256, original_path, archive_path FROM recordings "
                        + "WHERE fixity_audit = ? AND fixity_status = 'FAILED' ORDER BY id")
                .param(audit).query((rs, n) -> new Failed(rs.getString("sha256"), rs.getString("original_path"), rs.getString("archive_path"))).list();
        long all = jdbc.sql("SELECT COUNT(*) FROM recordings").query(Long.class).single();
        ZonedDateTime now = ZonedDateTime.now(properties.deviceZone());
        StringBuilder text = new StringBuilder();
        text.append("Fixity audit (fixityAuditJob), job instance ").append(audit).append(", execution ")
                .append(job.getId()).append('\n');
        text.append("finished: ").append(now.toOffsetDateTime()).append('\n');
        text.append("max-age: ").append(fixity.maxAge().isZero() ? "0 (every object)" : fixity.maxAge()).append('\n');
        text.append("archive objects: ").append(all).append("; re-hashed by this audit: ").append(ok + failed.size())
                .append(" (").append(ok).append(" OK, ").append(failed.size()).append(" FAILED); not due: ")
                .append(all - ok - failed.size()).append('\n');
        for (Failed f : failed) {
            text.append("FAILED ").append(f.sha256()).append(' ').append(f.originalPath()).append(" (")
                    .append(f.archivePath()).append(")\n");
        }
        text.append("ledger head: ").append(ledger.headHash()).append('\n');
        DurableFiles.createPrivateDirectories(properties.reports());
        Path report = properties.reports().resolve("fixity-" + now.format(FILE_TIME) + "-" + audit + ".txt");
        Path temp = DurableFiles.tempBeside(report);
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, report, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        job.getExecutionContext().putString(REPORT_KEY, report.toString());
        log.info("fixity: report {}", report);
        return RepeatStatus.FINISHED;
    }

    private long count(long audit, String status) {
        return jdbc.sql("SELECT COUNT(*) FROM recordings WHERE fixity_audit = ? AND fixity_status = ?")
                .params(audit, status).query(Long.class).single();
    }
}
