package footage.jobs.report;

import footage.jobs.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The JSON report tests on a PostgreSQL catalog: the builder's SQL and time types must read the same on both. */
class PostgresJsonReportTests extends JsonReportTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.Database db = TestDatabases.freshPostgres();
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }
}
