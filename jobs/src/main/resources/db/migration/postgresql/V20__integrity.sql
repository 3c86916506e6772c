-- Integrity (issue 4). The same version exists for H2 (db/migration/h2/V20__integrity.sql) with the same columns.

-- Fixity audits (fixityAuditJob): when each archive object was last re-hashed, with what result, by which audit.
ALTER TABLE recordings ADD COLUMN last_checked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE recordings ADD COLUMN fixity_status VARCHAR(20);  -- OK, FAILED
ALTER TABLE recordings ADD COLUMN fixity_audit BIGINT;        -- job instance of the fixity audit that checked it last
CREATE INDEX recordings_last_checked ON recordings (last_checked_at, id);

-- The ledger is append-only (DESIGN §9): PostgreSQL refuses to change or remove its rows. The hash chain is what
-- proves integrity (a superuser can drop a trigger); this stops mistakes and casual edits before they happen.
CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger is append-only: % on ledger is not allowed', TG_OP
        USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER ledger_no_update_delete BEFORE UPDATE OR DELETE ON ledger
    FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_no_truncate BEFORE TRUNCATE ON ledger
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
