package footage.jobs.evidence;

import footage.jobs.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The evidence application on one fresh PostgreSQL database for every PostgreSQL evidence test class: the same
 * property source method gives them one cached Spring context (and one pool) instead of one each.
 */
abstract class AbstractPostgresEvidenceTests extends AbstractEvidenceTests {

    private static TestDatabases.Database database;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> database().url());
        registry.add("spring.datasource.username", () -> database().user());
        registry.add("spring.datasource.password", () -> database().password());
    }

    private static synchronized TestDatabases.Database database() {
        if (database == null) {
            database = TestDatabases.freshPostgres();
        }
        return database;
    }
}
