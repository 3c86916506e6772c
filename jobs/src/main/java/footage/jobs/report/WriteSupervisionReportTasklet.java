package footage.jobs.report;

import footage.jobs.FootageProperties;
import footage.jobs.ledger.Ledger;
import footage.pipeline.archive.DurableFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the supervision report of the month before (in the reports' zone) as {@code supervision-YYYY-MM.{csv,html,pdf}},
 * each file new (a month written again gets {@code -2}, ...), and ledgers their SHA-256 as SUPERVISION_REPORT_WRITTEN.
 */
class WriteSupervisionReportTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(WriteSupervisionReportTasklet.class);
    private static final List<ReportFormat> FORMATS = List.of(ReportFormat.CSV, ReportFormat.HTML, ReportFormat.PDF);

    private final FootageProperties properties;
    private final SupervisionReports reports;
    private final Ledger ledger;
    private final Clock clock;

    WriteSupervisionReportTasklet(FootageProperties properties, SupervisionReports reports, Ledger ledger, Clock clock) {
        this.properties = properties;
        this.reports = reports;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        YearMonth month = YearMonth.now(clock.withZone(reports.zone())).minusMonths(1);
        SupervisionReports.Report report = reports.month(month);
        // every format before any file: a failing renderer (no CJK font) leaves no partial set
        Map<ReportFormat, byte[]> rendered = new EnumMap<>(ReportFormat.class);
        for (ReportFormat f : FORMATS) {
            rendered.put(f, reports.render(report, f, null));
        }
        Path folder = properties.reports();
        DurableFiles.createPrivateDirectories(folder);
        String base = "supervision-" + month;
        for (int n = 2; taken(folder, base); n++) {
            base = "supervision-" + month + "-" + n;
        }
        Map<String, String> files = new TreeMap<>();
        for (Map.Entry<ReportFormat, byte[]> e : rendered.entrySet()) {
            Path target = folder.resolve(base + "." + e.getKey().extension());
            ReportFiles.write(target, e.getValue(), false);
            files.put(target.getFileName().toString(), ReportFiles.sha256(e.getValue()));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("month", month.toString());
        payload.put("folder", folder.toString());
        payload.put("files", files);
        payload.put("reportLedgerHead", report.ledgerHead());
        payload.put("officers", report.officers().size());
        payload.put("unexplainedGaps", report.total().unexplainedGaps());
        ledger.append("SUPERVISION_REPORT_WRITTEN", "report:" + base, properties.ingest().actor(), payload);
        contribution.incrementWriteCount(files.size());
        log.info("report: wrote {}/{}.{{csv,html,pdf}}", folder, base);
        return RepeatStatus.FINISHED;
    }

    private static boolean taken(Path folder, String base) {
        return FORMATS.stream().anyMatch(f -> Files.exists(folder.resolve(base + "." + f.extension())));
    }
}
