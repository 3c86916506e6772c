package footage.jobs.retention;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;

/** Retention end to end on the embedded catalog (H2). */
@SpringBootTest(properties = {"footage.ingest.quiet-period=0s", "footage.export.organization=test bureau"})
// its configuration is its own: the context is closed after the class, so its connections go back at once
@DirtiesContext
class H2RetentionSweepTests extends AbstractRetentionSweepTests {

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) throws IOException {
        home(registry, "h2");
    }
}
