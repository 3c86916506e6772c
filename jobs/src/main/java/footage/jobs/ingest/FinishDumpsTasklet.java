package footage.jobs.ingest;

import footage.jobs.FootageProperties;
import footage.jobs.catalog.Catalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Last step of {@code ingestJob}: a dump whose every file is settled (archived, linked, quarantined, or recorded
 * as missing/rejected) moves to {@code drop/.done/}. Only then; a dump with a file still failing stays put.
 */
class FinishDumpsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(FinishDumpsTasklet.class);

    private final FootageProperties properties;
    private final Catalog catalog;
    private final TransactionTemplate perDump;

    FinishDumpsTasklet(FootageProperties properties, Catalog catalog, PlatformTransactionManager transactionManager) {
        this.properties = properties;
        this.catalog = catalog;
        this.perDump = new TransactionTemplate(transactionManager);
        this.perDump.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        Path done = properties.drop().resolve(properties.ingest().doneFolder());
        Files.createDirectories(done);
        for (Catalog.OpenDump dump : catalog.dumpsReadyToFinish()) {
            Path source = properties.drop().resolve(dump.folder());
            // the name is fixed by the dump id, so a crash between the move and the commit is recognised next run
            Path target = done.resolve(dump.id() + "_" + dump.folder());
            if (Files.isDirectory(source) && !Files.exists(target)) {
                Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
            } else if (!Files.isDirectory(target)) {
                log.warn("ingest: dump {} is finished but neither {} nor {} exists; left open", dump.folder(), source, target);
                continue;
            }
            perDump.executeWithoutResult(tx -> catalog.finishDump(dump.id(),
                    properties.drop().relativize(target).toString(), properties.ingest().actor()));
            contribution.incrementWriteCount(1);
            log.info("ingest: dump {} finished, moved to {}", dump.folder(), properties.drop().relativize(target));
        }
        return RepeatStatus.FINISHED;
    }
}
