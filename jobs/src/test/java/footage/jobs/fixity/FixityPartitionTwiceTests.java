package footage.jobs.fixity;

import footage.jobs.FootageProperties;
import footage.jobs.partition.PartitionTwice;
import footage.jobs.runs.JobRuns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worst case of delivery for the fixity audit on a worker: the same partition run by two processes at once (a
 * restart while its first worker still runs). Both read every object of the range before either records it; each
 * object must still get one result and one ledger entry of the audit.
 */
@SpringBootTest(properties = {"footage.ingest.quiet-period=0s", "footage.role=worker"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FixityPartitionTwiceTests {

    static final String QUEUE = "footage.test." + UUID.randomUUID().toString().substring(0, 12);

    @DynamicPropertySource
    static void cluster(DynamicPropertyRegistry registry) throws IOException {
        PartitionTwice.workerOnFreshPostgres(registry, "fixity", QUEUE);
    }

    /**
     * Before an object is hashed, each run waits (a little) for the other to get there too: without the worker's
     * rule both would hash and record every object; with it, the second waits for the first's commit instead.
     */
    static final class InStep extends FixityPauseHook {

        final CyclicBarrier bothAt = new CyclicBarrier(2);

        InStep() {
            super(0);
        }

        @Override
        void nextObject() {
            PartitionTwice.meet(bothAt);
        }
    }

    @TestConfiguration
    static class Hook {
        @Bean
        @Primary
        InStep inStep() {
            return new InStep();
        }
    }

    @Autowired
    JobRuns runs;
    @Autowired
    JobRepository repository;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FootageProperties properties;
    @Autowired
    @Qualifier("fixityAuditWorkerStep")
    Step workerStep;
    @Autowired
    AmqpAdmin amqp;

    @AfterAll
    void deleteQueue() {
        amqp.deleteQueue(QUEUE);
    }

    @Test
    void twoRunsOfOnePartitionAtOnceRecordEachObjectOnce() throws Exception {
        // given three archived recordings
        PartitionTwice.ingestClips(runs, properties, "DSJ8200001", "2019-03-01", 3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recordings").query(Long.class).single()).isEqualTo(3L);

        // when an audit's partition (every id) is run twice at the same time
        PartitionTwice.Runs twice = PartitionTwice.runTwice(repository, workerStep, "fixityAuditJob", "fixityAuditWorkerStep");

        // then both completed, and each object has one result of this audit and one ledger entry
        assertThat(twice.first()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(twice.second()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.sql("SELECT fixity_status, COUNT(*) FROM recordings WHERE fixity_audit = ? GROUP BY fixity_status")
                .param(twice.instanceId()).query((rs, n) -> rs.getString(1) + " " + rs.getLong(2)).list())
                .containsExactly("OK 3");
        assertThat(jdbc.sql("SELECT subject, COUNT(*) FROM ledger WHERE entry_type = 'FIXITY_CHECKED' GROUP BY subject")
                .query((rs, n) -> rs.getLong(2)).list()).hasSize(3).containsOnly(1L);
    }
}
