package footage.jobs.report;

import footage.jobs.FootageProperties;
import footage.jobs.ledger.Ledger;
import footage.pipeline.archive.DurableFiles;
import footage.pipeline.continuity.FindingKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one step of {@code reportJob}: writes {@code gaps-<yyyyMMdd-HHmmss>.{json,csv,html,pdf}} into the reports
 * folder and appends {@code REPORT_WRITTEN} with the files' SHA-256 in the step's transaction, so a report handed
 * on later can be checked against the ledger.
 */
class WriteReportTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(WriteReportTasklet.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss");

    private final FootageProperties properties;
    private final GapReportBuilder builder;
    private final GapReportRenderer renderer;
    private final Ledger ledger;

    WriteReportTasklet(FootageProperties properties, GapReportBuilder builder, GapReportRenderer renderer, Ledger ledger) {
        this.properties = properties;
        this.builder = builder;
        this.renderer = renderer;
        this.ledger = ledger;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        GapReport report = builder.build(ReportFilter.all());
        // every format is rendered before any is written: a failing renderer (no CJK font) leaves no partial set
        Map<ReportFormat, byte[]> rendered = new EnumMap<>(ReportFormat.class);
        for (ReportFormat format : ReportFormat.values()) {
            rendered.put(format, renderer.render(report, format));
        }
        Path folder = properties.reports();
        DurableFiles.createPrivateDirectories(folder);
        String base = freeBaseName(folder, "gaps-" + report.generatedAt().format(STAMP));
        Map<String, String> files = new TreeMap<>();
        for (Map.Entry<ReportFormat, byte[]> e : rendered.entrySet()) {
            Path target = folder.resolve(base + "." + e.getKey().extension());
            ReportFiles.write(target, e.getValue(), false);
            files.put(target.getFileName().toString(), ReportFiles.sha256(e.getValue()));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("folder", folder.toString());
        payload.put("files", files);
        payload.put("generatedAt", ReportText.iso(report.generatedAt()));
        payload.put("reportLedgerHead", report.ledgerHead());
        payload.put("devices", report.devices().size());
        payload.put("findings", report.devices().stream().mapToLong(d -> d.findings().size()).sum());
        payload.put("unexplainedGaps", report.devices().stream().flatMap(d -> d.findings().stream())
                .filter(f -> f.kind() == FindingKind.GAP && !f.explained()).count());
        ledger.append("REPORT_WRITTEN", "report:" + base, properties.ingest().actor(), payload);
        contribution.incrementWriteCount(files.size());
        log.info("report: wrote {}/{}.{json,csv,html,pdf}", folder, base);
        return RepeatStatus.FINISHED;
    }

    /** Two runs within one second must not collide: published report files are never replaced. */
    private static String freeBaseName(Path folder, String base) {
        String candidate = base;
        for (int n = 2; taken(folder, candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private static boolean taken(Path folder, String base) {
        for (ReportFormat f : ReportFormat.values()) {
            if (Files.exists(folder.resolve(base + "." + f.extension()))) {
                return true;
            }
        }
        return false;
    }
}
