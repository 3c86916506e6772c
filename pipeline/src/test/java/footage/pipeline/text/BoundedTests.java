package footage.pipeline.text;

import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedTests {

    @Test
    void aLongValueIsCutToTheBoundWithAMarkerAndTheFullValuesDigest() {
        // given
        String name = "王".repeat(5034);

        // when
        Bounded b = Bounded.of(name, 200);

        // then
        assertThat(b.cut()).isTrue();
        assertThat(b.value()).hasSizeLessThanOrEqualTo(200).startsWith("王王王").contains("5034 chars");
        assertThat(b.sha256()).isEqualTo(DigestUtils.sha256Hex(name));
        assertThat(b.length()).isEqualTo(5034);
        // two long values with the same beginning stay apart
        assertThat(Bounded.of(name + "x", 200).value()).isNotEqualTo(b.value());
    }

    @Test
    void aValueThatFitsIsKept() {
        assertThat(Bounded.of("x".repeat(200), 200)).isEqualTo(new Bounded("x".repeat(200), false, 200, null));
        assertThat(Bounded.of(null, 200).value()).isNull();
    }
}
