package footage.jobs.ledger;

import tools.jackson.core.JacksonException;
import footage.pipeline.text.Json;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ObjectNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Append-only, hash-chained record of state changes (docs/ledger.md). An entry is written in the caller's transaction,
 * so a change and its entry commit or roll back together.
 *
 * <p>Canonical form, so that anyone can recompute the chain: the UTF-8 bytes of the JSON object
 * {@code {"seq":n,"time":"<UTC instant, millisecond precision, e.g. 2026-11-26T10:00:00.000Z>","type":"…",
 * "subject":"…","actor":"…","payload":{…keys sorted…}}} with no white space; {@code hash = hex(SHA-256(prevHash
 * + "\n" + canonical))}, where {@code prevHash} of the first entry is 64 zeros.
 */
@Component
public class Ledger {

    public static final String GENESIS = "0".repeat(64);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    /** Map keys sorted: the form must not depend on the order a caller filled its map in. */
    private static final ObjectWriter CANONICAL = Json.MAPPER.writer(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final JdbcClient jdbc;
    private final Clock clock;

    Ledger(JdbcClient jdbc, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Appends an entry and returns its hash. Must run inside the transaction of the change it records. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String append(String type, String subject, String actor, Map<String, ?> payload) {
        lockAppends();
        Head head = head().orElse(new Head(0, GENESIS));
        long seq = head.seq() + 1;
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String payloadJson = canonicalPayload(payload);
        String hash = hash(head.hash(), canonical(seq, at, type, subject, actor, payloadJson));
        jdbc.sql("INSERT INTO ledger (seq, entry_time, entry_type, subject, actor, payload, prev_hash, hash) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(seq, at.atOffset(ZoneOffset.UTC), type, subject, actor, payloadJson, head.hash(), hash)
                .update();
        return hash;
    }

    /**
     * Takes the append lock now, to the end of the transaction. A writer that locks catalog rows and then appends calls
     * this first: the ledger before rows is the order an ingest takes them in (it holds the ledger when it links a
     * duplicate to a recording, whose foreign key check needs that recording's row), and two writers taking them in
     * opposite orders deadlock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockAppends() {
        jdbc.sql("SELECT id FROM ledger_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
    }

    /** Hash of the newest entry, or {@link #GENESIS} for an empty ledger. */
    public String headHash() {
        return head().map(Head::hash).orElse(GENESIS);
    }

    private Optional<Head> head() {
        return jdbc.sql("SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1")
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash")))
                .optional();
    }

    static String canonicalPayload(Map<String, ?> payload) {
        try {
            return CANONICAL.writeValueAsString(payload == null ? Map.of() : payload);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("ledger payload is not serialisable: " + e.getOriginalMessage(), e);
        }
    }

    /** Any value as canonical JSON (map keys sorted), e.g. for JSON columns that must compare equal across runs. */
    public static String canonicalJson(Object value) {
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not serialisable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static String canonical(long seq, Instant at, String type, String subject, String actor, String payloadJson) {
        try {
            ObjectNode node = Json.MAPPER.createObjectNode();
            node.put("seq", seq);
            node.put("time", TIME.format(at));
            node.put("type", type);
            node.put("subject", subject);
            node.put("actor", actor);
            node.set("payload", Json.MAPPER.readTree(payloadJson));
            return CANONICAL.writeValueAsString(node);
        } catch (JacksonException e) {
            throw new IllegalStateException("ledger payload is not JSON: " + payloadJson, e);
        }
    }

    public static String hash(String prevHash, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((prevHash + "\n" + canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Head(long seq, String hash) {
    }
}
