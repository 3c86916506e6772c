package footage.jobs.transcode;

import footage.jobs.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Profiles are checked when the application starts: a broken one stops every command, naming file and key. */
class TranscodeStartupTests {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    @Test
    void anInvalidProfileFailsStartUpNamingTheFileAndTheKey() throws IOException {
        // given the shipped proxy-720p with an encoder this FFmpeg build does not have
        Path profiles = Files.createDirectories(tmp.resolve("profiles"));
        String shipped = Files.readString(Path.of("..", "ffmpeg-profiles", "proxy-720p.properties"));
        Files.writeString(profiles.resolve("proxy-720p.properties"), shipped.replace("video.codec=libx264", "video.codec=libx265x"));

        // when any command starts with it
        int code = run("catalog", "list", "--home", tmp.resolve("home").toString(),
                "--footage.transcode.profiles=" + profiles);

        // then
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("footage: bad configuration: "
                + profiles.resolve("proxy-720p.properties") + ": video.codec: this FFmpeg build has no video encoder 'libx265x'");
    }
}
