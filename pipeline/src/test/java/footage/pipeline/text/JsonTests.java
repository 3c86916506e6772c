package footage.pipeline.text;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed sample manifests were written by the Jackson 2 mapper this project used before Boot's Jackson 3: the
 * one mapper must indent, escape and order them to the same bytes, or a regenerated dump would hash differently.
 */
class JsonTests {

    private static final Path COMMITTED = Path.of("..", "sample-media");

    @Test
    void rewritesTheCommittedManifestsToTheSameBytes() throws IOException {
        // given the manifests written before the move
        List<Path> manifests;
        try (Stream<Path> files = Files.walk(COMMITTED)) {
            manifests = files.filter(f -> f.getFileName().toString().equals("manifest.json")).sorted().toList();
        }
        assertThat(manifests).hasSize(2);

        for (Path manifest : manifests) {
            byte[] committed = Files.readAllBytes(manifest);

            // when the one mapper reads and writes it as ManifestWriter does
            byte[] rewritten = Json.MAPPER.writer(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsBytes(Json.MAPPER.readTree(committed));

            // then
            assertThat(rewritten).as(manifest.toString()).isEqualTo(committed);
        }
    }
}
