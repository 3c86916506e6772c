package footage.jobs.ingest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;

/** The ingest tests on the embedded default catalog (H2, file mode under the home's db/). */
@SpringBootTest(properties = "footage.ingest.quiet-period=0s")
class H2IngestTests extends AbstractIngestTests {

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) throws IOException {
        registry.add("footage.home", () -> homeDir("h2"));
    }

    static String homeDir(String name) {
        try {
            return Files.createTempDirectory("footage-" + name + "-").toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
