package footage.jobs.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read-only queries of the ledger for the audit page: one SQL for H2 and PostgreSQL. */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AuditLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every field may be null: no condition. {@code subject} is exact, or a prefix when it ends in {@code *}
     * ({@code recording:*}); times are entry times, {@code to} exclusive.
     */
    record Filter(String type, String actor, String subject, OffsetDateTime from, OffsetDateTime to) {
    }

    record Page(List<CatalogSearch.Entry> entries, int page, boolean hasNext) {
    }

    /**
     * What the newest {@code footage verify} found, from its VERIFY_RUN entry. Entries written before the run recorded
     * its problem lines and catalog counts have none.
     */
    record VerifyResult(long seq, OffsetDateTime at, String actor, boolean full, boolean ok, long problems,
                        long entriesChecked, String headChecked, Long objectsRehashed, Map<String, Long> catalog,
                        List<String> problemLines) {
    }

    Page search(Filter f, int page, int size) {
        StringBuilder sql = new StringBuilder("SELECT seq, entry_time, entry_type, subject, actor, payload FROM ledger WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (f.type() != null) {
            sql.append(" AND entry_type = ?");
            params.add(f.type());
        }
        if (f.actor() != null) {
            sql.append(" AND actor = ?");
            params.add(f.actor());
        }
        if (f.subject() != null) {
            if (f.subject().endsWith("*")) {
                sql.append(" AND subject LIKE ? ESCAPE '!'");
                String prefix = f.subject().substring(0, f.subject().length() - 1);
                params.add(prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            } else {
                sql.append(" AND subject = ?");
                params.add(f.subject());
            }
        }
        if (f.from() != null) {
            sql.append(" AND entry_time >= ?");
            params.add(f.from());
        }
        if (f.to() != null) {
            sql.append(" AND entry_time < ?");
            params.add(f.to());
        }
        // one row more than the page tells whether there is a next page without counting the whole ledger
        sql.append(" ORDER BY seq DESC LIMIT ? OFFSET ?");
        params.add(size + 1);
        params.add((long) (Math.max(page, 1) - 1) * size);
        List<CatalogSearch.Entry> rows = jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new CatalogSearch.Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
        boolean next = rows.size() > size;
        return new Page(next ? rows.subList(0, size) : rows, Math.max(page, 1), next);
    }

    List<String> types() {
        return jdbc.sql("SELECT DISTINCT entry_type FROM ledger ORDER BY entry_type").query(String.class).list();
    }

    Optional<VerifyResult> lastVerify() {
        return jdbc.sql("SELECT seq, entry_time, actor, payload FROM ledger WHERE entry_type = 'VERIFY_RUN' "
                        + "ORDER BY seq DESC LIMIT 1")
                .query((rs, n) -> result(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        rs.getString(4)))
                .optional();
    }

    private static VerifyResult result(long seq, OffsetDateTime at, String actor, String payload) {
        JsonNode p;
        try {
            p = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            // the chain check of the next verify reports a damaged entry; the page just says what it can
            p = JSON.createObjectNode();
        }
        long problems = p.path("problems").asLong(0);
        List<String> lines = new ArrayList<>();
        p.path("problemLines").forEach(l -> lines.add(l.asText()));
        JsonNode objects = p.path("objectsRehashed");
        Map<String, Long> catalog = new LinkedHashMap<>();
        p.path("catalog").properties().forEach(e -> catalog.put(e.getKey(), e.getValue().asLong()));
        return new VerifyResult(seq, at, actor, p.path("full").asBoolean(false),
                p.has("ok") ? p.path("ok").asBoolean(false) : problems == 0, problems, p.path("entriesChecked").asLong(0),
                p.path("headChecked").asText(""), objects.isNumber() ? objects.asLong() : null,
                catalog, lines);
    }
}
