package footage.jobs.transcode;

import footage.jobs.TestDatabases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;

/**
 * The decode check of its own, for recordings no derivative decodes whole (here: only thumbnails and the copying
 * proxy-720p are made), on a real PostgreSQL catalog.
 */
@SpringBootTest(properties = {"footage.ingest.quiet-period=0s", "footage.transcode.threads=2",
        "footage.transcode.make=thumbnail,proxy-720p"})
class PostgresDecodeCheckOnlyTests extends AbstractDecodeCheckJobTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        TestDatabases.Database db = TestDatabases.freshPostgres();
        String home = Files.createTempDirectory("footage-decode-pg-").toString();
        registry.add("footage.home", () -> home);
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }

    @Override
    String checkedBy() {
        return "decode check";
    }
}
