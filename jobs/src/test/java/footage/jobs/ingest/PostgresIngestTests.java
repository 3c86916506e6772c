package footage.jobs.ingest;

import footage.jobs.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same ingest tests on a real PostgreSQL catalog (a fresh database on the local server, see TestDatabases). */
@SpringBootTest(properties = "footage.ingest.quiet-period=0s")
class PostgresIngestTests extends AbstractIngestTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.Database db = TestDatabases.freshPostgres();
        registry.add("footage.home", () -> H2IngestTests.homeDir("pg"));
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }
}
