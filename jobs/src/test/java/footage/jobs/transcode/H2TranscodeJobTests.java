package footage.jobs.transcode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;

/** The transcode job on the embedded catalog (H2), two partitions. */
@SpringBootTest(properties = {"footage.ingest.quiet-period=0s", "footage.transcode.threads=2"})
class H2TranscodeJobTests extends AbstractTranscodeJobTests {

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) throws IOException {
        String home = Files.createTempDirectory("footage-transcode-h2-").toString();
        registry.add("footage.home", () -> home);
    }
}
