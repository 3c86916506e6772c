package footage.jobs.transcode;

import footage.jobs.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;

/** The same transcode tests on a real PostgreSQL catalog (a fresh database, see TestDatabases). */
@SpringBootTest(properties = {"footage.ingest.quiet-period=0s", "footage.transcode.threads=2"})
class PostgresTranscodeJobTests extends AbstractTranscodeJobTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        TestDatabases.Database db = TestDatabases.freshPostgres();
        String home = Files.createTempDirectory("footage-transcode-pg-").toString();
        registry.add("footage.home", () -> home);
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }
}
