package footage.jobs;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FootagePropertiesTests {

    @Test
    void filesAtOnceIsFromOneToTheBound() {
        // given the bounds of footage.ingest.files-at-once
        int most = FootageProperties.Ingest.MOST_FILES_AT_ONCE;

        // when / then both ends are taken
        assertThat(ingest(1).filesAtOnce()).isEqualTo(1);
        assertThat(ingest(most).filesAtOnce()).isEqualTo(most);

        // and anything outside is refused with the property's name and the value given
        assertThatThrownBy(() -> ingest(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("footage.ingest.files-at-once must be from 1 to " + most + ": 0");
        assertThatThrownBy(() -> ingest(most + 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("footage.ingest.files-at-once must be from 1 to " + most + ": " + (most + 1));
    }

    private static FootageProperties.Ingest ingest(int filesAtOnce) {
        return new FootageProperties.Ingest(Duration.ofMinutes(2), ".done", null, "system", 3, filesAtOnce);
    }
}
