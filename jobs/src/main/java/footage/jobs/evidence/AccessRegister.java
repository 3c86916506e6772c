package footage.jobs.evidence;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The access register (Art. 16, 17): every request, and every use of the archive it opened or refused, read from the
 * requests table and the ledger. The page, the CSV and the PDF all come from {@link #of(Filter)}, so an export holds
 * exactly the rows the page shows for the same filter.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AccessRegister {

    /** Ledger entries the register lists: the life of requests, and plays, downloads and refusals. */
    static final List<String> TYPES = List.of("ACCESS_REQUESTED", "ACCESS_APPROVED", "ACCESS_DENIED",
            "ACCESS_DECISION_REFUSED", "ACCESS_REFUSED", "RECORDING_PLAYED", "RECORDING_DOWNLOADED", "RECORDING_THUMBNAIL_VIEWED",
            RefusalBursts.SUMMARY, "LETTER_OPENED");
    static final List<String> KINDS = List.of("INTERNAL", "EXTERNAL");
    static final List<String> STATUSES = List.of("PENDING", "APPROVED", "DENIED");

    private final JsonMapper json;

    /**
     * Every field may be null (no condition). {@code user} is the requester or decider of a request, the actor of a
     * use; {@code kind} and {@code status} select requests, and then only the uses under those requests; times are
     * when a request was filed or a use happened, {@code to} exclusive.
     */
    record Filter(String user, Long recording, String kind, String status, OffsetDateTime from, OffsetDateTime to) {
    }

    /** One ledger entry of the register: who ({@code actor}), what (recording, file), why (the request's reason), when. */
    record Use(long seq, OffsetDateTime at, String type, String actor, String subject, Long recordingId, Long requestId,
               String why, String detail) {
    }

    record View(List<AccessRequests.Request> requests, List<Use> uses) {
    }

    private final AccessRequests requests;
    private final JdbcClient jdbc;

    AccessRegister(AccessRequests requests, JdbcClient jdbc, JsonMapper json) {
        this.requests = requests;
        this.jdbc = jdbc;
        this.json = json;
    }

    View of(Filter f) {
        List<AccessRequests.Request> listed = new ArrayList<>();
        for (AccessRequests.Request r : requests.where(f.user(), f.kind(), f.status(), f.from(), f.to())) {
            if (f.recording() == null || requests.names(r, f.recording())) {
                listed.add(r);
            }
        }
        Map<Long, AccessRequests.Request> all = new HashMap<>();
        for (AccessRequests.Request r : requests.all()) {
            all.put(r.id(), r);
        }
        // kind and status pick requests; a use belongs to the picture only through one of them
        Set<Long> ofKindAndStatus = null;
        if (f.kind() != null || f.status() != null) {
            ofKindAndStatus = new HashSet<>();
            for (AccessRequests.Request r : requests.where(null, f.kind(), f.status(), null, null)) {
                ofKindAndStatus.add(r.id());
            }
        }
        Map<Long, Boolean> names = new HashMap<>();
        List<Use> uses = new ArrayList<>();
        for (Use u : entries(f)) {
            if (ofKindAndStatus != null && (u.requestId() == null || !ofKindAndStatus.contains(u.requestId()))) {
                continue;
            }
            if (f.recording() != null && !f.recording().equals(u.recordingId())) {
                AccessRequests.Request r = u.requestId() == null ? null : all.get(u.requestId());
                // an entry about a request is about the recordings the request names
                if (u.recordingId() != null || r == null
                        || !names.computeIfAbsent(r.id(), id -> requests.names(r, f.recording()))) {
                    continue;
                }
            }
            AccessRequests.Request r = u.requestId() == null ? null : all.get(u.requestId());
            uses.add(new Use(u.seq(), u.at(), u.type(), u.actor(), u.subject(), u.recordingId(), u.requestId(),
                    r == null ? "" : r.reason(), u.detail()));
        }
        return new View(listed, uses);
    }

    private List<Use> entries(Filter f) {
        StringBuilder sql = new StringBuilder("SELECT seq, entry_time, entry_type, subject, actor, payload FROM ledger "
                + "WHERE entry_type IN (" + String.join(", ", TYPES.stream().map(t -> "'" + t + "'").toList()) + ")");
        List<Object> params = new ArrayList<>();
        if (f.user() != null) {
            sql.append(" AND actor = ?");
            params.add(f.user());
        }
        if (f.from() != null) {
            sql.append(" AND entry_time >= ?");
            params.add(f.from());
        }
        if (f.to() != null) {
            sql.append(" AND entry_time < ?");
            params.add(f.to());
        }
        if (f.recording() != null) {
            // request entries are kept here and sorted out by what their request names
            sql.append(" AND (subject = ? OR subject LIKE 'access-request:%')");
            params.add("recording:" + f.recording());
        }
        return jdbc.sql(sql + " ORDER BY seq DESC").params(params)
                .query((rs, n) -> use(rs.getLong("seq"), rs.getObject("entry_time", OffsetDateTime.class), rs.getString("entry_type"),
                        rs.getString("subject"), rs.getString("actor"), rs.getString("payload")))
                .list();
    }

    private Use use(long seq, OffsetDateTime at, String type, String subject, String actor, String payload) {
        Long recording = number(subject, "recording:");
        Long request = number(subject, "access-request:");
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            JsonNode node = json.readTree(payload == null ? "{}" : payload);
            node.properties().forEach(e -> fields.put(e.getKey(), e.getValue().asString()));
        } catch (JacksonException e) {
            fields.put("payload", payload);
        }
        if (request == null && fields.containsKey("request") && !fields.get("request").isEmpty()) {
            request = number(fields.get("request"), "");
        }
        String detail = switch (type) {
            case "RECORDING_PLAYED", "RECORDING_DOWNLOADED", "RECORDING_THUMBNAIL_VIEWED", "ACCESS_REFUSED" -> fields.getOrDefault("file", "");
            case "ACCESS_APPROVED", "ACCESS_DENIED" -> fields.getOrDefault("comment", "");
            case "ACCESS_DECISION_REFUSED" -> fields.getOrDefault("decision", "") + " " + fields.getOrDefault("why", "");
            case "LETTER_OPENED" -> fields.getOrDefault("letterType", "") + " " + fields.getOrDefault("letterSha256", "");
            case RefusalBursts.SUMMARY -> fields.getOrDefault("summarised", "") + " × " + fields.getOrDefault("recordings", "");
            default -> fields.containsKey("agency") ? fields.get("agency") + " " + fields.getOrDefault("letterRef", "")
                    : fields.getOrDefault("recordings", "") + fields.getOrDefault("case", "");
        };
        return new Use(seq, at, type, actor, subject, recording, request, "", detail.trim());
    }

    private static Long number(String s, String prefix) {
        if (s == null || !s.startsWith(prefix)) {
            return null;
        }
        try {
            return Long.parseLong(s.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
