-- Integrity (issue 4). The same version exists for PostgreSQL (db/migration/postgresql/V20__integrity.sql).
-- H2 gets no append-only trigger (it would need a Java trigger class in the database): on H2 the application simply
-- never updates or deletes ledger rows, which footage.jobs.integrity.LedgerAppendOnlyTests proves, and
-- `footage verify` detects any change made behind its back.

-- Fixity audits (fixityAuditJob): when each archive object was last re-hashed, with what result, by which audit.
ALTER TABLE recordings ADD COLUMN last_checked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE recordings ADD COLUMN fixity_status VARCHAR(20);  -- OK, FAILED
ALTER TABLE recordings ADD COLUMN fixity_audit BIGINT;        -- job instance of the fixity audit that checked it last
CREATE INDEX recordings_last_checked ON recordings (last_checked_at, id);
