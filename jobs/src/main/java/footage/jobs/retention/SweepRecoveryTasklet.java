package footage.jobs.retention;

import footage.jobs.FootageProperties;
import footage.jobs.catalog.ObjectLocations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * First step of {@code retentionSweepJob}: puts right what a killed sweep left, so that every object is in exactly
 * one place before anything new moves.
 * <ul>
 *   <li>temporary files of copies in progress are removed (their originals are still in the archive);</li>
 *   <li>a recording catalogued in expired/ whose original is still in the archive (killed after the commit): the
 *       copy is re-hashed and the original removed;</li>
 *   <li>a copy in expired/ the catalog does not name (killed before the commit): kept when this sweep moves that
 *       recording anyway (it is checked and reused), else removed once the original is shown intact;</li>
 *   <li>the same for derivatives ({@link DerivativeRecovery}), and derivatives made for a recording after it was
 *       moved out follow it;</li>
 *   <li>STANDARD recordings without a retain-until date (catalogued before retention classes) get one, ledgered.</li>
 * </ul>
 * Whatever cannot be resolved safely is left in place and logged; {@code verify --full} names it.
 */
class SweepRecoveryTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(SweepRecoveryTasklet.class);

    private final RetentionRows rows;
    private final SweepRules rules;
    private final RetentionPolicy policy;
    private final ExpiredStore store;
    private final DerivativeRecovery derivatives;
    private final Classifier classifier;
    private final FootageProperties properties;

    SweepRecoveryTasklet(RetentionRows rows, SweepRules rules, RetentionPolicy policy, ExpiredStore store,
                         DerivativeRecovery derivatives, Classifier classifier, FootageProperties properties) {
        this.rows = rows;
        this.rules = rules;
        this.policy = policy;
        this.store = store;
        this.derivatives = derivatives;
        this.classifier = classifier;
        this.properties = properties;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        LocalDate today = policy.today(SweepRun.asOf(chunkContext.getStepContext().getStepExecution().getJobExecution()));
        int temps = store.removeStaleTemps();
        Map<String, RetentionRow> catalogued = new HashMap<>();
        rows.where("archive_path LIKE 'expired/%' ORDER BY id", Map.of())
                .forEach(r -> catalogued.put(ObjectLocations.relative(r.archivePath()), r));
        int finished = finishRemovals(catalogued);
        int removed = removeUnusedCopies(catalogued, today);
        derivatives.recover(today, SweepRun.id(chunkContext.getStepContext().getStepExecution().getJobExecution()));
        int dated = dateUndated();
        log.info("sweep: recovery: {} temporary file(s) removed, {} interrupted move(s) finished, {} unused copy(ies) "
                + "removed, {} recording(s) given a retain-until date", temps, finished, removed, dated);
        return RepeatStatus.FINISHED;
    }

    private int finishRemovals(Map<String, RetentionRow> catalogued) throws IOException {
        int finished = 0;
        for (Map.Entry<String, RetentionRow> e : catalogued.entrySet()) {
            if (!Files.exists(store.original(e.getKey()))) {
                continue;
            }
            try {
                store.requireIntact(store.copy(e.getKey()), e.getValue(), "the copy in expired/");
            } catch (ExpiredStore.NotIntact bad) {
                log.error("sweep: recording {} is catalogued in expired/ but {}; its original stays in the archive",
                        e.getValue().id(), bad.getMessage());
                continue;
            }
            store.removeOriginal(e.getKey());
            finished++;
            log.info("sweep: recording {}: interrupted move finished, original removed from the archive", e.getValue().id());
        }
        return finished;
    }

    private int removeUnusedCopies(Map<String, RetentionRow> catalogued, LocalDate today) throws IOException {
        int removed = 0;
        for (String relative : store.objects()) {
            if (catalogued.containsKey(relative)) {
                continue;
            }
            List<RetentionRow> owners = rows.where("archive_path = :path", Map.of("path", relative));
            Optional<RetentionRow> owner = owners.stream().findFirst();
            if (owner.isEmpty() || !Files.exists(store.original(relative))) {
                log.warn("sweep: expired/{} is {}; left for a person to look at", relative, owner.isEmpty()
                        ? "named by no recording" : "not catalogued, and the archive original of recording "
                        + owner.get().id() + " is missing");
                continue;
            }
            if (rules.keeps(owner.get(), today).isEmpty()) {
                log.info("sweep: expired/{} is a copy an interrupted sweep made; it is checked and reused", relative);
                continue;
            }
            try {
                store.requireIntact(store.original(relative), owner.get(), "the archive original");
            } catch (ExpiredStore.NotIntact bad) {
                log.error("sweep: expired/{} is not catalogued, but {}; both are left", relative, bad.getMessage());
                continue;
            }
            store.removeCopy(relative);
            removed++;
        }
        return removed;
    }

    private int dateUndated() {
        List<RetentionRow> undated = rows.where("retention_class = 'STANDARD' AND retain_until IS NULL ORDER BY id", Map.of());
        for (RetentionRow r : undated) {
            classifier.apply(r, Classifier.Decision.standard(policy.standardUntil(r), "recording date "
                    + policy.recordingDate(r) + " + " + policy.standard() + " (catalogued before retention classes)"),
                    policy.standard().toString(), properties.ingest().actor());
        }
        return undated.size();
    }
}
