package footage.jobs.integrity;

import footage.jobs.ledger.Ledger;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/ledger.md tells third parties how to recompute the chain; its worked example must be what the code does. */
class LedgerFormatTests {

    private static final Path DOC = Path.of("..", "docs", "ledger.md");

    @Test
    void theDocumentedExampleIsWhatTheLedgerComputes() throws IOException {
        // given the entries of the example, as stored
        String payload1 = "{\"deviceId\":\"DSJ0001234\",\"folder\":\"ST01_DSJ0001234_20190217180512\",\"manifestSha256\":"
                + "\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\",\"reason\":null,\"status\":\"REGISTERED\"}";
        String payload2 = "{\"note\":\"当事人要求保护隐私 (privacy)\",\"reason\":\"PRIVACY_OR_TRADE_SECRET\"}";

        // when the ledger's own code builds their canonical forms and hashes
        String canonical1 = Ledger.canonical(1, Instant.parse("2019-02-17T10:05:12.345Z"), "DUMP_REGISTERED", "dump:1",
                "system", payload1);
        String hash1 = Ledger.hash(Ledger.GENESIS, canonical1);
        String canonical2 = Ledger.canonical(2, Instant.parse("2019-02-17T10:20:00Z"), "FINDING_EXPLAINED",
                "finding:F0123456789abcdef0123", "王五", payload2);
        String hash2 = Ledger.hash(hash1, canonical2);

        // then they are the documented ones
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        assertThat(canonical1).isEqualTo(example(doc, "canonical:1"));
        assertThat(hash1).isEqualTo(example(doc, "hash:1"));
        assertThat(canonical2).isEqualTo(example(doc, "canonical:2"));
        assertThat(hash2).isEqualTo(example(doc, "hash:2"));
    }

    @Test
    void theDocumentedHashesRecomputeWithSha256sum() throws Exception {
        // given
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);

        // when
        String hash1 = sha256sum(Ledger.GENESIS + "\n" + example(doc, "canonical:1"));
        String hash2 = sha256sum(hash1 + "\n" + example(doc, "canonical:2"));

        // then
        assertThat(hash1).isEqualTo(example(doc, "hash:1"));
        assertThat(hash2).isEqualTo(example(doc, "hash:2"));
    }

    /** The fenced block after {@code <!-- example:NAME -->}. */
    private static String example(String doc, String name) {
        int marker = doc.indexOf("<!-- example:" + name + " -->");
        assertThat(marker).as("example " + name + " in " + DOC).isNotNegative();
        int open = doc.indexOf("```\n", marker) + 4;
        int close = doc.indexOf("\n```", open);
        return doc.substring(open, close);
    }

    private static String sha256sum(String text) throws Exception {
        Process p = new ProcessBuilder("sha256sum").start();
        p.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out.split(" ")[0];
    }
}
