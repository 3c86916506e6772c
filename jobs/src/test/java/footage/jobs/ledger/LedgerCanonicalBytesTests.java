package footage.jobs.ledger;

import footage.pipeline.continuity.Jump;
import footage.pipeline.media.SilentSpan;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every entry's hash covers its canonical form, so the form may never change: the expected strings were written by
 * the Jackson 2 code the ledger had before it moved to Boot's Jackson 3, and chains written then must still verify.
 */
class LedgerCanonicalBytesTests {

    @Test
    void payloadsOfEveryKindKeepTheirCanonicalBytes() {
        // given a payload in insertion order with every kind of value an entry holds
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("path", "expired/ab/cd/ab12.mp4");
        payload.put("note", "当事人 \"quoted\" \\ </script>\n\t\u0001\u2028 😀");
        payload.put("bytes", 12_345_678_901L);
        payload.put("seconds", 0.1 + 0.2);
        payload.put("big", 1e23);
        payload.put("small", 1e-7);
        payload.put("whole", 100.0);
        payload.put("ids", List.of(3L, 1L, 2L));
        payload.put("nested", new LinkedHashMap<>(Map.of("z", true, "a", false)));
        payload.put("none", null);
        payload.put("mixed", new ArrayList<>(Arrays.asList(1, "two", null, 3.5f)));

        // when
        String json = Ledger.canonicalPayload(payload);
        String canonical = Ledger.canonical(7, Instant.parse("2019-02-17T10:05:12.345Z"), "RECORDING_EXPIRED",
                "recording:1", "系统", json);

        // then
        assertThat(json).isEqualTo(EXPECTED_PAYLOAD);
        assertThat(canonical).isEqualTo(EXPECTED_CANONICAL);
    }

    @Test
    void recordsKeepTheirComponentOrderInJsonColumns() {
        // given the spans a probe finds, as the catalog stores them (jumps_json, silences_json)
        List<Object> spans = List.of(new Jump(1.5, 2.25), new SilentSpan(0.1 + 0.2, 1e23));

        // when
        String json = Ledger.canonicalJson(spans);

        // then in declaration order, not sorted by name, as the Jackson 2 code wrote them
        assertThat(json).isEqualTo("[{\"fromSeconds\":1.5,\"toSeconds\":2.25},"
                + "{\"fromSeconds\":0.30000000000000004,\"toSeconds\":9.999999999999999E22}]");
    }

    private static final String EXPECTED_PAYLOAD = "{\"big\":9.999999999999999E22,\"bytes\":12345678901,\"ids\":[3,1,2],\"mixed\":[1,\"two\",null,3.5],\"nested\":{\"a\":false,\"z\":true},\"none\":null,\"note\":\"当事人 \\\"quoted\\\" \\\\ </script>\\n\\t\\u0001\u2028 😀\",\"path\":\"expired/ab/cd/ab12.mp4\",\"seconds\":0.30000000000000004,\"small\":1.0E-7,\"whole\":100.0}";
    private static final String EXPECTED_CANONICAL = "{\"seq\":7,\"time\":\"2019-02-17T10:05:12.345Z\",\"type\":\"RECORDING_EXPIRED\",\"subject\":\"recording:1\",\"actor\":\"系统\",\"payload\":{\"big\":9.999999999999999E22,\"bytes\":12345678901,\"ids\":[3,1,2],\"mixed\":[1,\"two\",null,3.5],\"nested\":{\"a\":false,\"z\":true},\"none\":null,\"note\":\"当事人 \\\"quoted\\\" \\\\ </script>\\n\\t\\u0001\u2028 😀\",\"path\":\"expired/ab/cd/ab12.mp4\",\"seconds\":0.30000000000000004,\"small\":1.0E-7,\"whole\":100.0}}";
}
