package footage.jobs.evidence;

import footage.jobs.ledger.Ledger;
import footage.pipeline.archive.DurableFiles;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Internal access requests (Art. 16/17): filed by any evidence user, decided by an approver, valid for their period
 * only. Every state change and every refusal is a ledger entry in the same transaction.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AccessRequests {

    record Request(long id, String kind, String requester, String recordingIds, String caseRef, String reason,
                   OffsetDateTime validFrom, OffsetDateTime validUntil, String status, OffsetDateTime requestedAt,
                   String decidedBy, String decisionComment, String agencyType, String agencyName, String letterRef,
                   String letterSha256) {

        /** What the request names: its recordings, else its case (public: templates call it). */
        public String what() {
            return recordingIds != null ? recordingIds : caseRef;
        }
    }

    /** A request that cannot be filed or decided; the code is a message key. */
    static class Refused extends RuntimeException {
        Refused(String code) {
            super(code);
        }
    }

    /** A form that cannot be read as sent (HTTP 400), as opposed to a request the rules refuse. */
    static final class Invalid extends Refused {
        Invalid(String code) {
            super(code);
        }
    }

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AccessProperties properties;
    private final RefusalBursts bursts;

    AccessRequests(JdbcClient jdbc, Ledger ledger, PlatformTransactionManager transactionManager, Optional<Clock> clock,
                   AccessProperties properties, RefusalBursts bursts) {
        this.properties = properties;
        this.bursts = bursts;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.tx = new TransactionTemplate(transactionManager);
        this.clock = clock.orElse(Clock.systemUTC());
    }

    long file(String requester, List<Long> recordingIds, String caseRef, String reason, OffsetDateTime from,
              OffsetDateTime until) {
        if ((recordingIds.isEmpty() && caseRef == null) || reason == null || from == null || until == null
                || !until.isAfter(from)) {
            throw new Invalid("evidence.request.refused.incomplete");
        }
        checkInput(caseRef, reason, from, until);
        checkNotAdmin(requester);
        String ids = recordingIds.isEmpty() ? null : String.join(",", recordingIds.stream().map(String::valueOf).toList());
        KeyHolder keys = new GeneratedKeyHolder();
        return tx.execute(s -> {
            jdbc.sql("INSERT INTO access_requests (kind, requester, recording_ids, case_ref, reason, valid_from, valid_until, "
                            + "status, requested_at) VALUES ('INTERNAL', ?, ?, ?, ?, ?, ?, 'PENDING', ?)")
                    .params(requester, ids, caseRef, reason, from, until, now()).update(keys, "id");
            long id = keys.getKey().longValue();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("kind", "INTERNAL");
            payload.put("recordings", ids == null ? "" : ids);
            payload.put("case", caseRef == null ? "" : caseRef);
            payload.put("reason", reason);
            payload.put("from", from.toInstant().toString());
            payload.put("until", until.toInstant().toString());
            ledger.append("ACCESS_REQUESTED", subject(id), requester, payload);
            return id;
        });
    }

    /** An external agency's request (Art. 17). The letter is stored before the row: a rollback leaves a file, never a row without one. */
    long fileExternal(String filedBy, String agencyType, String agencyName, String contact, String letterRef,
                      Letter letter, List<Long> recordingIds, String caseRef, String reason, OffsetDateTime from,
                      OffsetDateTime until, java.nio.file.Path letters) {
        if (!AGENCIES.contains(agencyType) || agencyName == null || letterRef == null
                || (recordingIds.isEmpty() && caseRef == null) || reason == null || from == null || until == null
                || !until.isAfter(from)) {
            throw new Invalid("evidence.request.refused.incomplete");
        }
        checkInput(caseRef, reason, from, until);
        RequestInput.text(agencyName, RequestInput.AGENCY);
        RequestInput.text(contact, RequestInput.AGENCY);
        RequestInput.text(letterRef, RequestInput.LETTER_REF);
        checkNotAdmin(filedBy);
        try {
            DurableFiles.createPrivateDirectories(letters);
            java.nio.file.Path target = letters.resolve(letter.fileName());
            if (!java.nio.file.Files.exists(target)) {
                java.nio.file.Path tmp = java.nio.file.Files.createTempFile(letters, "upload-", ".part");
                java.nio.file.Files.write(tmp, letter.bytes());
                java.nio.file.Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String ids = recordingIds.isEmpty() ? null : String.join(",", recordingIds.stream().map(String::valueOf).toList());
        KeyHolder keys = new GeneratedKeyHolder();
        return tx.execute(s -> {
            jdbc.sql("INSERT INTO access_requests (kind, requester, recording_ids, case_ref, reason, valid_from, valid_until, "
                            + "status, requested_at, agency_type, agency_name, contact, letter_ref, letter_type, letter_sha256, "
                            + "letter_size) VALUES ('EXTERNAL', ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(filedBy, ids, caseRef, reason, from, until, now(), agencyType, agencyName, contact, letterRef,
                            letter.type(), letter.sha256(), (long) letter.bytes().length).update(keys, "id");
            long id = keys.getKey().longValue();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("kind", "EXTERNAL");
            payload.put("agencyType", agencyType);
            payload.put("agency", agencyName);
            payload.put("contact", contact == null ? "" : contact);
            payload.put("letterRef", letterRef);
            payload.put("letterType", letter.type());
            payload.put("letterSha256", letter.sha256());
            payload.put("letterSize", letter.bytes().length);
            payload.put("recordings", ids == null ? "" : ids);
            payload.put("case", caseRef == null ? "" : caseRef);
            payload.put("reason", reason);
            payload.put("from", from.toInstant().toString());
            payload.put("until", until.toInstant().toString());
            ledger.append("ACCESS_REQUESTED", subject(id), filedBy, payload);
            return id;
        });
    }

    /** Text within its column, and a period no longer than {@code footage.access.max-window}. */
    private void checkInput(String caseRef, String reason, OffsetDateTime from, OffsetDateTime until) {
        RequestInput.text(caseRef, RequestInput.CASE);
        RequestInput.text(reason, RequestInput.REASON);
        if (java.time.Duration.between(from, until).compareTo(properties.maxWindow()) > 0) {
            throw new Invalid("evidence.request.refused.window");
        }
    }

    /** Whoever runs the system files no requests, whatever roles an old account still holds. */
    private void checkNotAdmin(String user) {
        if (jdbc.sql("SELECT COUNT(*) FROM console_user_roles WHERE username = ? AND role = 'ADMIN'").param(user)
                .query(Long.class).single() > 0) {
            throw new Refused("evidence.request.refused.admin");
        }
    }

    static final List<String> AGENCIES = List.of("DISCIPLINE_INSPECTION", "COURT", "PROCURATORATE", "POLICE");

    /**
     * Approves or denies a pending request. Nobody decides their own; an internal request (Art. 16) is decided by any
     * {@code APPROVER} (department head), an external one (Art. 17) only by an {@code APPROVER} who also holds
     * {@code BUREAU_HEAD} (bureau-head scope) - denying included, so a department head cannot close an agency's request
     * either. Roles are read from the catalog in the decision's transaction, not from the session. A refused decision
     * is ledgered too ({@code ACCESS_DECISION_REFUSED}), in a transaction of its own since the decision's rolls back.
     */
    void decide(long id, boolean approve, String comment, String approver) {
        RequestInput.text(comment, RequestInput.COMMENT);
        try {
            tx.executeWithoutResult(s -> {
                Request r = find(id).orElseThrow(() -> new Refused("evidence.request.refused.unknown"));
                if (!"PENDING".equals(r.status())) {
                    throw new Refused("evidence.request.refused.decided");
                }
                if (r.requester().equals(approver)) {
                    throw new Refused("evidence.request.refused.own");
                }
                List<String> roles = jdbc.sql("SELECT role FROM console_user_roles WHERE username = ?").param(approver)
                        .query(String.class).list();
                // an account from before issue 20 may still hold both: the administrator's role wins
                if (roles.contains("ADMIN")) {
                    throw new Refused("evidence.request.refused.admin");
                }
                if (!roles.contains("APPROVER")) {
                    throw new Refused("evidence.request.refused.notApprover");
                }
                if ("EXTERNAL".equals(r.kind()) && !roles.contains(BUREAU_HEAD)) {
                    throw new Refused("evidence.request.refused.scope");
                }
                String status = approve ? "APPROVED" : "DENIED";
                if (jdbc.sql("UPDATE access_requests SET status = ?, decided_by = ?, decided_at = ?, decision_comment = ? "
                        + "WHERE id = ? AND status = 'PENDING'").params(status, approver, now(), comment, id).update() != 1) {
                    throw new Refused("evidence.request.refused.decided");
                }
                ledger.append(approve ? "ACCESS_APPROVED" : "ACCESS_DENIED", subject(id), approver,
                        Map.of("comment", comment == null ? "" : comment));
            });
        } catch (Refused refused) {
            if (!"evidence.request.refused.unknown".equals(refused.getMessage())) {
                tx.executeWithoutResult(s -> ledger.append("ACCESS_DECISION_REFUSED", subject(id), approver,
                        Map.of("decision", approve ? "APPROVE" : "DENY", "why", refused.getMessage())));
            }
            throw refused;
        }
    }

    /** The console role ({@code footage.jobs.console.Role}) that gives an approver bureau-head scope. */
    static final String BUREAU_HEAD = "BUREAU_HEAD";

    Optional<Request> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(AccessRequests::row).optional();
    }

    /** An external request's filed letter, as its type and hash (its bytes stay in the letters folder). */
    Optional<Letter> filedLetter(long id) {
        return jdbc.sql("SELECT letter_type, letter_sha256 FROM access_requests WHERE id = ? AND kind = 'EXTERNAL' "
                + "AND letter_sha256 IS NOT NULL").param(id)
                .query((rs, n) -> new Letter(rs.getString("letter_type"), rs.getString("letter_sha256"), new byte[0])).optional();
    }

    List<Request> all() {
        return jdbc.sql(SELECT + " ORDER BY id DESC").query(AccessRequests::row).list();
    }

    /** Requests matching every non-null condition ({@code to} exclusive), newest first; the register's filter. */
    List<Request> where(String user, String kind, String status, OffsetDateTime from, OffsetDateTime to) {
        StringBuilder sql = new StringBuilder(SELECT + " WHERE 1 = 1");
        List<Object> params = new java.util.ArrayList<>();
        if (user != null) {
            sql.append(" AND (requester = ? OR decided_by = ?)");
            params.add(user);
            params.add(user);
        }
        if (kind != null) {
            sql.append(" AND kind = ?");
            params.add(kind);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status);
        }
        if (from != null) {
            sql.append(" AND requested_at >= ?");
            params.add(from);
        }
        if (to != null) {
            sql.append(" AND requested_at < ?");
            params.add(to);
        }
        return jdbc.sql(sql + " ORDER BY id DESC").params(params).query(AccessRequests::row).list();
    }

    /** Whether the request names the recording, by id or through its case. */
    boolean names(Request r, long recordingId) {
        if (r.recordingIds() != null && Arrays.asList(r.recordingIds().split(",")).contains(String.valueOf(recordingId))) {
            return true;
        }
        return r.caseRef() != null && inCase(recordingId, r.caseRef());
    }

    /** The approved, unexpired request of this user that covers the recording, if any. */
    Optional<Long> covering(String user, long recordingId) {
        OffsetDateTime now = now();
        for (Request r : jdbc.sql(SELECT + " WHERE requester = ? AND status = 'APPROVED' AND valid_from <= ? AND valid_until > ?"
                + " ORDER BY id").params(user, now, now).query(AccessRequests::row).list()) {
            if (names(r, recordingId)) {
                return Optional.of(r.id());
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a recording belongs to a case (activity id or case number): a finding of one of its activities names it,
     * or one of the activity's devices recorded it and the recording overlaps the activity's window - a recording
     * started before the arrival and running into the action is part of it (Art. 8, 9). The end is the start plus the
     * longer of the stated and the media duration; the arithmetic is done here so H2 and PostgreSQL agree.
     */
    boolean inCase(long recordingId, String caseRef) {
        if (jdbc.sql("SELECT COUNT(*) FROM findings g JOIN activities a ON a.id = g.activity_id WHERE g.recording_id = ? "
                + "AND (a.id = ? OR a.case_number = ?)").params(recordingId, caseRef, caseRef).query(Long.class).single() > 0) {
            return true;
        }
        record Span(String device, OffsetDateTime start, Double stated, Double media) {
        }
        Optional<Span> span = jdbc.sql("SELECT device_id, corrected_start, duration_seconds, media_seconds FROM recordings WHERE id = ?")
                .param(recordingId).query((rs, n) -> new Span(rs.getString("device_id"), rs.getObject("corrected_start", OffsetDateTime.class),
                        (Double) rs.getObject("duration_seconds"), (Double) rs.getObject("media_seconds"))).optional();
        if (span.isEmpty() || span.get().device() == null || span.get().start() == null) {
            return false;
        }
        OffsetDateTime start = span.get().start();
        double seconds = Math.max(span.get().stated() == null ? 0 : span.get().stated(), span.get().media() == null ? 0 : span.get().media());
        OffsetDateTime end = start.plusNanos((long) (seconds * 1_000_000_000L));
        record Window(OffsetDateTime start, OffsetDateTime end, String devices) {
        }
        for (Window w : jdbc.sql("SELECT start_at, end_at, devices FROM activities WHERE id = ? OR case_number = ?")
                .params(caseRef, caseRef).query((rs, n) -> new Window(rs.getObject("start_at", OffsetDateTime.class),
                        rs.getObject("end_at", OffsetDateTime.class), rs.getString("devices"))).list()) {
            boolean device = w.devices() != null && Arrays.stream(w.devices().split(",")).map(String::trim)
                    .anyMatch(span.get().device()::equals);
            // a recording without a duration is an instant: inside the window or not
            boolean overlaps = end.isAfter(start) ? start.isBefore(w.end()) && end.isAfter(w.start())
                    : !start.isBefore(w.start()) && start.isBefore(w.end());
            if (device && overlaps) {
                return true;
            }
        }
        return false;
    }

    /** A play or download, or its refusal: who, which recording, when (the entry's time), under which request. */
    void recordUse(String type, String user, long recordingId, Long requestId, String what) {
        if ("ACCESS_REFUSED".equals(type) && !bursts.admit(user, recordingId)) {
            return; // in this minute's summary
        }
        tx.executeWithoutResult(s -> ledger.append(type, "recording:" + recordingId, user,
                Map.of("request", requestId == null ? "" : String.valueOf(requestId), "file", what)));
    }

    /** An approver opened an external request's letter. */
    void recordLetterOpened(long id, String user, Letter letter) {
        tx.executeWithoutResult(s -> ledger.append("LETTER_OPENED", subject(id), user,
                Map.of("letterSha256", letter.sha256(), "letterType", letter.type())));
    }

    static String subject(long id) {
        return "access-request:" + id;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static final String SELECT = "SELECT id, kind, requester, recording_ids, case_ref, reason, valid_from, valid_until, "
            + "status, requested_at, decided_by, decision_comment, agency_type, agency_name, letter_ref, letter_sha256 "
            + "FROM access_requests";

    private static Request row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Request(rs.getLong("id"), rs.getString("kind"), rs.getString("requester"), rs.getString("recording_ids"),
                rs.getString("case_ref"), rs.getString("reason"), rs.getObject("valid_from", OffsetDateTime.class),
                rs.getObject("valid_until", OffsetDateTime.class), rs.getString("status"),
                rs.getObject("requested_at", OffsetDateTime.class), rs.getString("decided_by"), rs.getString("decision_comment"),
                rs.getString("agency_type"), rs.getString("agency_name"), rs.getString("letter_ref"), rs.getString("letter_sha256"));
    }
}
