package footage.jobs.evidence;

import footage.jobs.ledger.Ledger;
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
                   String decidedBy, String decisionComment) {
    }

    /** A request that cannot be filed or decided; the code is a message key. */
    static final class Refused extends RuntimeException {
        Refused(String code) {
            super(code);
        }
    }

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final TransactionTemplate tx;
    private final Clock clock;

    AccessRequests(JdbcClient jdbc, Ledger ledger, PlatformTransactionManager transactionManager, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.tx = new TransactionTemplate(transactionManager);
        this.clock = clock.orElse(Clock.systemUTC());
    }

    long file(String requester, List<Long> recordingIds, String caseRef, String reason, OffsetDateTime from,
              OffsetDateTime until) {
        if ((recordingIds.isEmpty() && caseRef == null) || reason == null || from == null || until == null
                || !until.isAfter(from)) {
            throw new Refused("evidence.request.refused.incomplete");
        }
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
            throw new Refused("evidence.request.refused.incomplete");
        }
        try {
            java.nio.file.Files.createDirectories(letters);
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

    static final List<String> AGENCIES = List.of("DISCIPLINE_INSPECTION", "COURT", "PROCURATORATE", "POLICE");

    /** Approves or denies a pending request; nobody decides their own. */
    void decide(long id, boolean approve, String comment, String approver) {
        tx.executeWithoutResult(s -> {
            Request r = find(id).orElseThrow(() -> new Refused("evidence.request.refused.unknown"));
            if (!"PENDING".equals(r.status())) {
                throw new Refused("evidence.request.refused.decided");
            }
            if (r.requester().equals(approver)) {
                throw new Refused("evidence.request.refused.own");
            }
            String status = approve ? "APPROVED" : "DENIED";
            jdbc.sql("UPDATE access_requests SET status = ?, decided_by = ?, decided_at = ?, decision_comment = ? "
                    + "WHERE id = ? AND status = 'PENDING'").params(status, approver, now(), comment, id).update();
            ledger.append(approve ? "ACCESS_APPROVED" : "ACCESS_DENIED", subject(id), approver,
                    Map.of("comment", comment == null ? "" : comment));
        });
    }

    Optional<Request> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(AccessRequests::row).optional();
    }

    List<Request> all() {
        return jdbc.sql(SELECT + " ORDER BY id DESC").query(AccessRequests::row).list();
    }

    /** The approved, unexpired request of this user that covers the recording, if any. */
    Optional<Long> covering(String user, long recordingId) {
        OffsetDateTime now = now();
        for (Request r : jdbc.sql(SELECT + " WHERE requester = ? AND status = 'APPROVED' AND valid_from <= ? AND valid_until > ?"
                + " ORDER BY id").params(user, now, now).query(AccessRequests::row).list()) {
            if (r.recordingIds() != null && Arrays.asList(r.recordingIds().split(",")).contains(String.valueOf(recordingId))) {
                return Optional.of(r.id());
            }
            if (r.caseRef() != null && jdbc.sql("SELECT COUNT(*) FROM recordings r WHERE r.id = ? AND " + CatalogSearch.IN_CASE)
                    .params(recordingId, r.caseRef(), r.caseRef(), r.caseRef(), r.caseRef()).query(Long.class).single() > 0) {
                return Optional.of(r.id());
            }
        }
        return Optional.empty();
    }

    /** A play or download, or its refusal: who, which recording, when (the entry's time), under which request. */
    void recordUse(String type, String user, long recordingId, Long requestId, String what) {
        tx.executeWithoutResult(s -> ledger.append(type, "recording:" + recordingId, user,
                Map.of("request", requestId == null ? "" : String.valueOf(requestId), "file", what)));
    }

    static String subject(long id) {
        return "access-request:" + id;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static final String SELECT = "SELECT id, kind, requester, recording_ids, case_ref, reason, valid_from, valid_until, "
            + "status, requested_at, decided_by, decision_comment FROM access_requests";

    private static Request row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Request(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class),
                rs.getString(9), rs.getObject(10, OffsetDateTime.class), rs.getString(11), rs.getString(12));
    }
}
