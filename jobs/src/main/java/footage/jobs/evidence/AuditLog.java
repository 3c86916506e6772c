package footage.jobs.evidence;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read-only queries of the ledger for the audit page: one SQL for H2 and PostgreSQL. */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AuditLog {

    private final JsonMapper json;

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
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

    /**
     * An approval made by an account that was given approver rights shortly before: the pattern of an administrator
     * (or anyone who manages users) making an approver to push a request through. {@code grantSeq} is the ledger entry
     * of that grant, {@code grantedBy} who made it.
     */
    record FreshApproval(long seq, OffsetDateTime at, String approver, String request, long grantSeq, OffsetDateTime grantedAt,
                         String grantedBy, List<String> granted) {
    }

    private static final List<String> APPROVING = List.of("APPROVER", "BUREAU_HEAD");

    /** Every approval whose approver was granted APPROVER or BUREAU_HEAD within {@code within} before it, newest first. */
    List<FreshApproval> freshApprovals(Duration within) {
        record Grant(long seq, OffsetDateTime at, String by, List<String> roles) {
        }
        Map<String, List<Grant>> grants = new HashMap<>();
        jdbc.sql("SELECT seq, entry_time, subject, actor, payload FROM ledger WHERE entry_type IN ('USER_CREATED', 'USER_CHANGED') "
                + "AND subject LIKE 'user:%' ORDER BY seq").query(rs -> {
            List<String> approving = approving(rs.getString("payload"));
            if (!approving.isEmpty()) {
                grants.computeIfAbsent(rs.getString("subject").substring("user:".length()), k -> new ArrayList<>())
                        .add(new Grant(rs.getLong("seq"), rs.getObject("entry_time", OffsetDateTime.class), rs.getString("actor"),
                                approving));
            }
        });
        if (grants.isEmpty()) {
            return List.of();
        }
        List<FreshApproval> fresh = new ArrayList<>();
        jdbc.sql("SELECT seq, entry_time, actor, subject FROM ledger WHERE entry_type = 'ACCESS_APPROVED' ORDER BY seq DESC")
                .query(rs -> {
                    long seq = rs.getLong("seq");
                    OffsetDateTime at = rs.getObject("entry_time", OffsetDateTime.class);
                    String approver = rs.getString("actor");
                    String request = rs.getString("subject");
                    grants.getOrDefault(approver, List.of()).stream()
                            .filter(g -> !g.at().isAfter(at) && !g.at().isBefore(at.minus(within)))
                            .reduce((a, b) -> b)
                            .ifPresent(g -> fresh.add(new FreshApproval(seq, at, approver, request, g.seq(), g.at(), g.by(),
                                    g.roles())));
                });
        return fresh;
    }

    /** The approving roles a user entry gave: its {@code granted}, or for entries written before it, its {@code roles}. */
    private List<String> approving(String payload) {
        JsonNode p;
        try {
            p = json.readTree(payload);
        } catch (JacksonException e) {
            return List.of();
        }
        JsonNode roles = p.has("granted") ? p.path("granted") : p.path("roles");
        List<String> out = new ArrayList<>();
        roles.forEach(r -> {
            if (APPROVING.contains(r.asString())) {
                out.add(r.asString());
            }
        });
        return out;
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
                .query((rs, n) -> new CatalogSearch.Entry(rs.getLong("seq"), rs.getObject("entry_time", OffsetDateTime.class),
                        rs.getString("entry_type"), rs.getString("subject"), rs.getString("actor"), rs.getString("payload")))
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
                .query((rs, n) -> result(rs.getLong("seq"), rs.getObject("entry_time", OffsetDateTime.class),
                        rs.getString("actor"), rs.getString("payload")))
                .optional();
    }

    private VerifyResult result(long seq, OffsetDateTime at, String actor, String payload) {
        JsonNode p;
        try {
            p = json.readTree(payload);
        } catch (JacksonException e) {
            // the chain check of the next verify reports a damaged entry; the page just says what it can
            p = json.createObjectNode();
        }
        long problems = p.path("problems").asLong(0);
        List<String> lines = new ArrayList<>();
        p.path("problemLines").forEach(l -> lines.add(l.asString()));
        JsonNode objects = p.path("objectsRehashed");
        Map<String, Long> catalog = new LinkedHashMap<>();
        p.path("catalog").properties().forEach(e -> catalog.put(e.getKey(), e.getValue().asLong()));
        return new VerifyResult(seq, at, actor, p.path("full").asBoolean(false),
                p.has("ok") ? p.path("ok").asBoolean(false) : problems == 0, problems, p.path("entriesChecked").asLong(0),
                p.path("headChecked").asString(""), objects.isNumber() ? objects.asLong() : null,
                catalog, lines);
    }
}
