package footage.jobs.export;

import footage.jobs.FootageProperties;
import footage.jobs.catalog.ObjectLocations;
import footage.jobs.ledger.Ledger;
import footage.jobs.ledger.LedgerEntry;
import footage.jobs.report.GapReport;
import footage.jobs.report.GapReportBuilder;
import footage.jobs.report.GapReportRenderer;
import footage.jobs.report.ReportFilter;
import footage.jobs.report.ReportFormat;
import footage.pipeline.archive.CopyListener;
import footage.pipeline.archive.CopyResult;
import footage.pipeline.archive.DurableFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes an evidence package (BagIt, RFC 8493) and registers it in the ledger. Archive objects are only read: each
 * is copied to {@code data/<dump folder>/<path in the dump>} in one pass that hashes the bytes, and a copy whose hash
 * is not the catalogued one stops the export (a fixity failure is never packaged as evidence). On any failure the
 * files this export wrote are removed again; the target folder was empty or new, so nothing else is touched.
 */
@Component
class Exporter {

    static final String GAP_REPORT = "gap-report";
    static final String LEDGER_EXTRACT = "ledger-extract.jsonl";
    private static final Logger log = LoggerFactory.getLogger(Exporter.class);

    record Result(Path bag, int files, long bytes, String tagManifestSha256, String ledgerHead, int ledgerEntries,
                  String pdfProblem) {
    }

    /** Something about the evidence is wrong (a changed object, a ledger entry that does not verify): exit 1. */
    static final class IntegrityException extends RuntimeException {
        IntegrityException(String message) {
            super(message);
        }
    }

    private final FootageProperties properties;
    private final ExportProperties export;
    private final LedgerExtract extract;
    private final GapReportBuilder reports;
    private final GapReportRenderer renderer;
    private final Ledger ledger;
    private final TransactionTemplate transaction;

    Exporter(FootageProperties properties, ExportProperties export, LedgerExtract extract, GapReportBuilder reports,
             GapReportRenderer renderer, Ledger ledger, PlatformTransactionManager transactionManager) {
        this.properties = properties;
        this.export = export;
        this.extract = extract;
        this.reports = reports;
        this.renderer = renderer;
        this.ledger = ledger;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** {@code out} must not exist or be an empty folder (checked by the caller). */
    Result export(Selection selection, Path out) throws IOException {
        return export(selection, out, properties.ingest().actor());
    }

    /** As {@link #export(Selection, Path)}, the EXPORTED entry naming {@code actor} (the console's user). */
    Result export(Selection selection, Path out, String actor) throws IOException {
        boolean created = !Files.exists(out);
        DurableFiles.createPrivateDirectories(out);
        try {
            return write(selection, out, actor);
        } catch (IOException | RuntimeException e) {
            try {
                removeContents(out);
                if (created) {
                    Files.deleteIfExists(out);
                }
            } catch (IOException | UncheckedIOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private Result write(Selection selection, Path out, String actor) throws IOException {
        List<LedgerEntry> entries = extract.entries(selection);
        for (LedgerEntry e : entries) {
            if (!e.hash().equals(e.recomputedHash(e.prevHash()))) {
                throw new IntegrityException("ledger seq " + e.seq() + " (" + e.type() + " " + e.subject()
                        + ") does not match its hash; run 'footage verify'. Nothing was exported.");
            }
        }
        EvidenceBag bag = new EvidenceBag(out);
        int n = 0;
        for (ExportedRecording r : selection.recordings()) {
            Path target = payloadPath(bag, r);
            Files.createDirectories(target.getParent());
            CopyResult copy = DurableFiles.copyAndSync(ObjectLocations.resolve(properties, r.archivePath()), target, false,
                    CopyListener.NONE);
            if (!copy.sha256().equals(r.sha256()) || copy.size() != r.size()) {
                throw new IntegrityException(r.object().label() + ": changed: its bytes hash to " + copy.sha256()
                        + " (" + copy.size() + " bytes); run 'footage verify --full'. Nothing was exported.");
            }
            bag.payload(target, copy.sha256(), copy.size());
            log.info("export: [{}/{}] {}", ++n, selection.recordings().size(), r.originalPath());
        }

        GapReport report = gapReport(selection);
        Files.write(out.resolve(GAP_REPORT + ".json"), renderer.render(report, ReportFormat.JSON));
        String pdfProblem = null;
        try {
            Files.write(out.resolve(GAP_REPORT + ".pdf"), renderer.render(report, ReportFormat.PDF));
        } catch (RuntimeException e) {
            // the JSON holds the same facts; a missing CJK font must not stop evidence being handed over
            pdfProblem = e.getMessage();
            Files.deleteIfExists(out.resolve(GAP_REPORT + ".pdf"));
        }
        StringBuilder lines = new StringBuilder();
        entries.forEach(e -> lines.append(LedgerExtract.line(e)).append('\n'));
        Files.writeString(out.resolve(LEDGER_EXTRACT), lines, StandardCharsets.UTF_8);

        String head = report.ledgerHead();
        List<Map.Entry<String, String>> info = new ArrayList<>();
        info.add(Map.entry("Source-Organization", export.organization()));
        info.add(Map.entry("External-Identifier", selection.externalIdentifier()));
        info.add(Map.entry("Bagging-Date", LocalDate.now(properties.deviceZone()).toString()));
        info.add(Map.entry("Bag-Software-Agent", "Footage Pipeline (gov.loc bagit 5.2.0)"));
        info.add(Map.entry("Internal-Sender-Description", selection.recordings().size() + " original recording(s) as "
                + "archived, named by their dump folder and path; " + GAP_REPORT + ".json: gap report; " + LEDGER_EXTRACT
                + ": the ledger entries about them (docs/ledger.md)"));
        info.add(Map.entry("Footage-Ledger-Head", head));
        String tagManifest = bag.seal(info);

        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("externalIdentifier", selection.externalIdentifier());
        payload.put("bag", out.toString());
        payload.put("recordings", selection.recordings().stream().map(ExportedRecording::id).toList());
        payload.put("payloadOxum", bag.payloadBytes() + "." + bag.payloadFiles());
        payload.put("tagmanifestSha256", tagManifest);
        payload.put("ledgerHead", head);
        payload.put("osUser", System.getProperty("user.name"));
        transaction.executeWithoutResult(tx -> ledger.append("EXPORTED", "export:" + selection.externalIdentifier(),
                actor, payload));
        return new Result(out, bag.payloadFiles(), bag.payloadBytes(), tagManifest, head, entries.size(), pdfProblem);
    }

    /** data/<dump folder>/<path>; the rare second dump folder of the same name gets its dump id added. */
    private static Path payloadPath(EvidenceBag bag, ExportedRecording r) {
        Path target = bag.data().resolve(r.originalPath()).normalize();
        if (!target.startsWith(bag.data()) || target.equals(bag.data())) {
            throw new IntegrityException(r.object().label() + ": its original path leaves data/: " + r.originalPath());
        }
        if (Files.exists(target)) {
            int slash = r.originalPath().indexOf('/');
            target = bag.data().resolve(r.originalPath().substring(0, slash) + "." + r.dumpId()
                    + r.originalPath().substring(slash)).normalize();
        }
        return target;
    }

    private GapReport gapReport(Selection selection) {
        Set<String> devices = selection.recordings().stream().map(ExportedRecording::deviceId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        String device = devices.size() == 1 ? devices.iterator().next() : null;
        GapReport all = reports.build(new ReportFilter(device, selection.from(), selection.to()));
        List<GapReport.Device> chosen = all.devices().stream().filter(d -> devices.contains(d.deviceId())).toList();
        return new GapReport(all.generatedAt(), all.ledgerHead(), all.zone(), all.filter(), chosen);
    }

    private static void removeContents(Path out) {
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(out)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the unfinished export in " + out + ": " + e.getMessage(), e);
        }
    }
}
