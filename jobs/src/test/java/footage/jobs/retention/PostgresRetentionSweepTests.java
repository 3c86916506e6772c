package footage.jobs.retention;

import footage.jobs.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;

/** Retention end to end on a real PostgreSQL catalog. */
@SpringBootTest(properties = {"footage.ingest.quiet-period=0s", "footage.export.organization=test bureau"})
// its configuration is its own: the context is closed after the class, so its connections go back at once
@DirtiesContext
class PostgresRetentionSweepTests extends AbstractRetentionSweepTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        TestDatabases.Database db = TestDatabases.freshPostgres();
        home(registry, "pg");
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        // a shared test server has a connection limit that every cached context's pool counts against
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "4");
    }
}
