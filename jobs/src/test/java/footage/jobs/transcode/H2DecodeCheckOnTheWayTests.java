package footage.jobs.transcode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;

/** The decode check done by the proxy encode that decodes every packet anyway (proxy-360p), on H2. */
@SpringBootTest(properties = {"footage.ingest.quiet-period=0s", "footage.transcode.threads=2",
        "footage.transcode.make=proxy-360p,thumbnail"})
class H2DecodeCheckOnTheWayTests extends AbstractDecodeCheckJobTests {

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) throws IOException {
        String home = Files.createTempDirectory("footage-decode-h2-").toString();
        registry.add("footage.home", () -> home);
    }

    @Override
    String checkedBy() {
        return "transcode proxy-360p";
    }
}
