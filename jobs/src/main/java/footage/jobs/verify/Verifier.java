package footage.jobs.verify;

import footage.jobs.FootageProperties;
import footage.jobs.fixity.ArchivedObject;
import footage.jobs.fixity.FixityProperties;
import footage.jobs.ledger.Ledger;
import footage.jobs.ledger.LedgerReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code footage verify}: the ledger chain from its first entry, every catalog row against its ledger history, and
 * with {@code full} every archive object and every quarantined copy re-hashed. Problems come in that order: the chain (by seq), the catalog
 * (dumps, recordings, dump files, findings, by id), the archive (by recording id, then unknown files by path).
 */
@Component
class Verifier {

    private static final Logger log = LoggerFactory.getLogger(Verifier.class);

    record Report(List<Problem> problems, long entries, String head, CatalogCheck.Counts catalog,
                  ArchiveCheck.Totals archive, double archiveSeconds) {
    }

    /** How many problem lines a VERIFY_RUN entry keeps; the count is always complete, the command prints them all. */
    static final int PROBLEM_LINES = 20;

    private final JdbcClient jdbc;
    private final LedgerReader reader;
    private final Ledger ledger;
    private final FootageProperties properties;
    private final FixityProperties fixity;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate append;

    Verifier(JdbcClient jdbc, LedgerReader reader, Ledger ledger, FootageProperties properties, FixityProperties fixity,
             PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.reader = reader;
        this.ledger = ledger;
        this.properties = properties;
        this.fixity = fixity;
        // one consistent view of ledger and catalog: a change committing meanwhile must not look like tampering
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.append = new TransactionTemplate(transactionManager);
    }

    Report verify(boolean full) {
        List<Problem> problems = new ArrayList<>();
        record Read(ChainCheck chain, CatalogCheck.Counts counts, List<ArchivedObject> objects,
                    List<QuarantineCheck.Kept> quarantined) {
        }
        Read read = snapshot.execute(tx -> {
            ChainCheck chain = new ChainCheck(problems);
            LedgerIndex index = new LedgerIndex();
            reader.forEach(chain.andThen(index));
            CatalogCheck.Counts counts = new CatalogCheck(jdbc, index, problems).run();
            List<ArchivedObject> objects = full ? objects() : List.of();
            return new Read(chain, counts, objects, full ? quarantined() : List.of());
        });
        ArchiveCheck.Totals totals = null;
        double seconds = 0;
        if (full) {
            long t0 = System.nanoTime();
            totals = new ArchiveCheck(properties.archive(), properties.expired(), fixity.hashingThreads(),
                    ArchiveCheck.PROGRESS_EVERY, log::info).run(read.objects(), problems);
            new QuarantineCheck(properties.quarantine()).run(read.quarantined(), problems);
            seconds = (System.nanoTime() - t0) / 1e9;
        }
        Report report = new Report(List.copyOf(problems), read.chain().entries(), read.chain().head(), read.counts(),
                totals, seconds);
        record(report, full);
        return report;
    }

    List<ArchivedObject> objects() {
        return jdbc.sql("SELECT id, sha256, size_bytes, archive_path, original_path FROM recordings ORDER BY id")
                .query((rs, n) -> new ArchivedObject(rs.getLong("id"), rs.getString("sha256"), rs.getLong("size_bytes"),
                        rs.getString("archive_path"), rs.getString("original_path")))
                .list();
    }

    List<QuarantineCheck.Kept> quarantined() {
        return jdbc.sql("SELECT f.id, d.folder, f.path, f.quarantine_path, f.sha256 FROM dump_files f JOIN dumps d ON d.id = f.dump_id "
                        + "WHERE f.quarantine_path IS NOT NULL ORDER BY f.id")
                .query((rs, n) -> new QuarantineCheck.Kept(rs.getLong("id"), rs.getString("folder") + "/" + rs.getString("path"),
                        rs.getString("quarantine_path"), rs.getString("sha256")))
                .list();
    }

    /**
     * A VERIFY_RUN entry says when the archive was checked and what was found (Art. 19 asks for no loss through bad
     * storage; the record of the checks is part of showing that). It is an ordinary entry, checked by the next run, and
     * the audit page of the evidence console shows the newest one.
     */
    private void record(Report report, boolean full) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("full", full);
        payload.put("entriesChecked", report.entries());
        payload.put("headChecked", report.head());
        payload.put("problems", report.problems().size());
        payload.put("objectsRehashed", report.archive() == null ? null : report.archive().objects());
        // what the audit page shows as the last verify's result, without re-running it
        payload.put("ok", report.problems().isEmpty());
        Map<String, Object> catalog = new LinkedHashMap<>();
        catalog.put("dumps", report.catalog().dumps());
        catalog.put("recordings", report.catalog().recordings());
        catalog.put("dumpFiles", report.catalog().dumpFiles());
        catalog.put("findings", report.catalog().findings());
        payload.put("catalog", catalog);
        payload.put("problemLines", report.problems().stream().limit(PROBLEM_LINES)
                .map(p -> p.text().length() > 500 ? p.text().substring(0, 500) + "…" : p.text()).toList());
        append.executeWithoutResult(tx -> ledger.append("VERIFY_RUN", "archive", properties.ingest().actor(), payload));
    }
}
