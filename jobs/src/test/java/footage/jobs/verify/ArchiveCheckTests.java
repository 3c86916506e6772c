package footage.jobs.verify;

import footage.jobs.fixity.ArchivedObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code verify --full}'s re-hash says what it is about to do and how far it is while it runs. */
class ArchiveCheckTests {

    @TempDir
    Path archive;

    @Test
    void aReHashSaysWhatComesAndThenHowFarItIs() throws Exception {
        // given three archived objects of 1 KiB
        List<ArchivedObject> objects = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] bytes = new byte[1024];
            bytes[0] = (byte) i;
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            String path = "sha256/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha + ".mp4";
            Files.createDirectories(archive.resolve(path).getParent());
            Files.write(archive.resolve(path), bytes);
            objects.add(new ArchivedObject(i + 1, sha, bytes.length, path, "dump/clip" + i + ".mp4"));
        }
        List<String> lines = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();

        // when they are re-hashed with a line after every object
        ArchiveCheck.Totals totals = new ArchiveCheck(archive, archive.resolveSibling("expired"), 1, Duration.ZERO, lines::add)
                .run(objects, problems);

        // then the first line says what comes, one follows each object but the last (the summary says that one)
        assertThat(problems).isEmpty();
        assertThat(totals.objects()).isEqualTo(3);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("verify: re-hashing 3 archive object(s), 3.0 KiB, on 1 thread(s)");
        assertThat(lines.get(1)).startsWith("verify: re-hashed 1 of 3 object(s), 1.0 KiB of 3.0 KiB (33 %), ");
        assertThat(lines.get(2)).startsWith("verify: re-hashed 2 of 3 object(s), 2.0 KiB of 3.0 KiB (66 %), ");
    }

    @Test
    void aProgressLineSaysTheRateAndWhatIsLeftInTime() {
        // given 12 GiB of 390 GiB re-hashed in 10 s
        long gib = 1L << 30;

        // when
        String line = ArchiveCheck.line(120, 4000, 12 * gib, 390 * gib, Duration.ofSeconds(10).toNanos());

        // then
        assertThat(line).isEqualTo("verify: re-hashed 120 of 4000 object(s), 12.0 GiB of 390.0 GiB (3 %), 1.2 GiB/s, "
                + "about 5 min to go");
        assertThat(ArchiveCheck.line(1, 2, gib, 2000 * gib, Duration.ofSeconds(1).toNanos())).endsWith("about 33 min to go");
        assertThat(ArchiveCheck.line(1, 2, gib, 20000 * gib, Duration.ofSeconds(1).toNanos())).endsWith("about 5.6 h to go");
        assertThat(ArchiveCheck.line(1, 2, gib, 2 * gib, Duration.ofSeconds(1).toNanos())).endsWith("about 1 s to go");
    }
}
