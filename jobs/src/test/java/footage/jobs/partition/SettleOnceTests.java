package footage.jobs.partition;

import footage.jobs.FootageProperties;
import footage.jobs.TestDatabases;
import footage.jobs.catalog.PendingFile;
import footage.pipeline.archive.DurableFiles;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worst case of delivery: two workers run the same partition at the same time (a request delivered twice, or a
 * restart while the first worker still runs). Each file must still be archived once and catalogued once.
 */
@SpringBootTest(properties = "footage.ingest.quiet-period=0s")
class SettleOnceTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        TestDatabases.Database db = TestDatabases.freshPostgres();
        Path home = Files.createTempDirectory("footage-settle-once");
        registry.add("footage.home", home::toString);
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }

    @Autowired
    FootageProperties properties;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    PartitionFiles files;
    @Autowired
    @Qualifier("discoverDumpsTasklet")
    Tasklet discover;
    @Autowired
    @Qualifier("ingestFilesProcessor")
    ItemProcessor<PendingFile, ?> processor;
    @Autowired
    @Qualifier("ingestFilesWriter")
    ItemWriter<?> writer;

    @Test
    void twoWorkersRunningTheSamePartitionAtOnceArchiveAndCatalogueEachFileOnce() throws Exception {
        // given registered dumps whose clips include one recording docked from two devices
        Map<String, String> sources = ClusterDrops.write(properties.drop(), 4, 5, 0.5, 0.5, 7);
        Set<String> distinct = new HashSet<>(sources.values());
        assertThat(distinct).hasSizeLessThan(sources.size());
        StepExecution step = MetaDataInstanceFactory.createStepExecution();
        discover.execute(new StepContribution(step), new ChunkContext(new StepContext(step)));
        assertThat(files.pending()).hasSize(sources.size());

        // when two workers take in the same files at the same time, both having read them while they were pending
        List<PendingFile> pending = pendingFiles();
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> worker(pending, start));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> worker(pending, start));
        start.countDown();
        first.get(5, TimeUnit.MINUTES);
        second.get(5, TimeUnit.MINUTES);

        // then every file is settled by exactly one of them, with one ledger entry
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dump_files WHERE status = 'PENDING'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT status, COUNT(*) FROM dump_files GROUP BY status ORDER BY status")
                .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list())
                .containsExactly("ARCHIVED=" + distinct.size(), "DUPLICATE=" + (sources.size() - distinct.size()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger WHERE subject LIKE 'dump-file:%'").query(Long.class).single())
                .isEqualTo(sources.size());
        // and every distinct content is one recording and one archive object, with no temporary file left
        assertThat(jdbc.sql("SELECT sha256 FROM recordings").query(String.class).list())
                .containsExactlyInAnyOrderElementsOf(distinct);
        List<Path> archived;
        try (Stream<Path> walk = Files.walk(properties.archive())) {
            archived = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(archived).noneMatch(DurableFiles::isTemp);
        assertThat(archived.stream().map(p -> p.getFileName().toString().replace(".mp4", "")))
                .containsExactlyInAnyOrderElementsOf(distinct);
    }

    private List<PendingFile> pendingFiles() {
        IdRange all = new IdRange(1, Long.MAX_VALUE);
        List<PendingFile> out = new ArrayList<>();
        for (Optional<PendingFile> next = files.next(all, 0); next.isPresent(); next = files.next(all, next.get().id())) {
            out.add(next.get());
        }
        return out;
    }

    /** What the worker step does with each file: process, then write in the file's own transaction. */
    private void worker(List<PendingFile> pending, CountDownLatch start) {
        PartitionTimes times = new PartitionTimes();
        SettleOnce.Rule<PendingFile> once = SettleOnce.Rule.underCatalogLock((file, partition) -> files.settled(file));
        SettleOnce.Processor<PendingFile> settleProcessor = new SettleOnce.Processor<>(processor, once, jdbc, times);
        SettleOnce.Writer<PendingFile> settleWriter = new SettleOnce.Writer<>(writer, once, jdbc, times);
        TransactionTemplate chunk = new TransactionTemplate(transactionManager);
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        for (PendingFile file : pending) {
            chunk.executeWithoutResult(tx -> {
                try {
                    SettleOnce.Settling<PendingFile> processed = settleProcessor.process(file);
                    if (processed != null) {
                        settleWriter.write(new Chunk<>(List.of(processed)));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
