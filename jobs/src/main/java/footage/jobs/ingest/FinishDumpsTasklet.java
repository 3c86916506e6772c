package footage.jobs.ingest;

import footage.jobs.FootageProperties;
import footage.jobs.catalog.Catalog;
import footage.jobs.catalog.Finding;
import footage.pipeline.archive.DurableFiles;
import footage.pipeline.continuity.FindingKind;
import footage.pipeline.dump.DumpInspector;
import footage.pipeline.text.DisplayText;
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
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;

/**
 * Last step of {@code ingestJob}: a dump whose every file is settled (archived, linked, quarantined, or recorded
 * as missing/rejected), with nothing else in its folder, moves to {@code drop/.done/}. Only then; a dump with a file
 * still failing stays put. A dump that cannot be moved gets a finding and the others finish.
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
        DurableFiles.createPrivateDirectories(done);
        for (Catalog.OpenDump dump : catalog.dumpsReadyToFinish()) {
            try {
                if (finish(dump, done)) {
                    contribution.incrementWriteCount(1);
                }
            } catch (IOException | RuntimeException e) {
                // one dump that cannot be moved must not keep the others in the drop folder: its finding says why
                String why = "the dump folder could not be moved to " + properties.ingest().doneFolder() + "/: " + e
                        + "; it stays open and is tried again in the next run";
                log.warn("ingest: dump {} not finished: {}", DisplayText.escapeControls(dump.folder()), DisplayText.escapeControls(why));
                perDump.executeWithoutResult(tx -> catalog.raise(Finding.onDump(FindingKind.DUMP_NOT_FINISHED, dump.id(),
                        dump.deviceId(), why), properties.ingest().actor()));
            }
        }
        return RepeatStatus.FINISHED;
    }

    /**
     * Moves a dump whose registered files are all settled — and only if nothing else is in its folder: a file that a
     * station added after the dump was registered would otherwise go to {@code .done/} unaccounted. Such a file is
     * taken in by the next run's discovery (it joins the open dump). The check is made again on the moved folder,
     * for a file added between the check and the move; then the folder goes back.
     */
    private boolean finish(Catalog.OpenDump dump, Path done) throws IOException {
        Path source = properties.drop().resolve(dump.folder());
        // the name is fixed by the dump id, so a crash between the move and the commit is recognised next run
        Path target = done.resolve(dump.id() + "_" + dump.folder());
        boolean sourceThere = Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS);
        // a station's folder name, shown escaped: a newline in it would otherwise forge a log line of its own
        String shown = DisplayText.escapeControls(dump.folder());
        if (sourceThere && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Set<String> registered = catalog.dumpFilePaths(dump.id());
            List<String> added = unaccounted(source, registered);
            if (!added.isEmpty()) {
                log.warn("ingest: dump {} not finished: {} file(s) appeared after it was registered ({}); the next run takes "
                        + "them in", shown, added.size(), DisplayText.escapeControls(added.toString()));
                return false;
            }
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
            List<String> late = unaccounted(target, registered);
            if (!late.isEmpty()) {
                Files.move(target, source, StandardCopyOption.ATOMIC_MOVE);
                log.warn("ingest: dump {} not finished: {} file(s) appeared while it was moved ({}); moved back, the next "
                        + "run takes them in", shown, late.size(),
                        DisplayText.escapeControls(late.toString()));
                return false;
            }
        } else if (sourceThere) {
            log.warn("ingest: dump {} is finished but both {} and {} exist; left open", shown,
                    DisplayText.escapeControls(source.toString()), DisplayText.escapeControls(target.toString()));
            return false;
        } else if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            log.warn("ingest: dump {} is finished but neither {} nor {} exists; left open", shown,
                    DisplayText.escapeControls(source.toString()), DisplayText.escapeControls(target.toString()));
            return false;
        }
        perDump.executeWithoutResult(tx -> catalog.finishDump(dump.id(),
                properties.drop().relativize(target).toString(), properties.ingest().actor()));
        log.info("ingest: dump {} finished, moved to {}", shown,
                DisplayText.escapeControls(properties.drop().relativize(target).toString()));
        return true;
    }

    private static List<String> unaccounted(Path folder, Set<String> registered) throws IOException {
        return DumpInspector.entries(folder).stream().filter(p -> !registered.contains(p)).toList();
    }
}
