package footage.jobs.partition;

import footage.jobs.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ServeRoleTests {

    @Test
    void anUnknownRoleIsABadUsageSaidInOneLineBeforeAnythingStarts() {
        // given the command line of an operator who mistyped the role
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // when serve is asked to run as it
        int exit = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {"serve", "--role", "boss"});

        // then it refuses with exit 2 and the reason, in one line
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly("footage: Invalid value for option '--role': "
                + "expected one of [ALL, MANAGER, WORKER] (case-insensitive) but was 'boss' (see 'footage help serve')");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aClusterRoleOnTheEmbeddedDatabaseIsABadConfiguration(@TempDir Path home) {
        // given a home with the default embedded H2 catalog
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // when a one-shot command is run as a manager on it
        int exit = new Cli(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {"--home", home.toString(), "--footage.role=manager", "jobs", "list"});

        // then nothing starts: the one line says the cluster needs a shared database
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("footage: bad configuration:")
                .contains("needs a job repository and catalog every node shares");
    }
}
