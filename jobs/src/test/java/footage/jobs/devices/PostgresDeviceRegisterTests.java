package footage.jobs.devices;

import footage.jobs.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The device register tests on a PostgreSQL catalog (FOOTAGE_TEST_PG_URL, default the local server's database test). */
class PostgresDeviceRegisterTests extends DeviceRegisterTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.Database db = TestDatabases.freshPostgres();
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }
}
