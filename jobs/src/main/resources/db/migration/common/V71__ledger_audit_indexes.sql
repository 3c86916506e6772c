-- Audit page of the evidence console (issue 9): the ledger filtered by type, actor or time, newest first, a page at
-- a time. One script for H2 and PostgreSQL. Indexes only: the ledger's rows and chain are untouched. No index on
-- subject: it may be up to 2000 characters, more than a PostgreSQL B-tree entry holds, and an append must never fail.
CREATE INDEX ledger_type_seq ON ledger (entry_type, seq);
CREATE INDEX ledger_actor_seq ON ledger (actor, seq);
CREATE INDEX ledger_time ON ledger (entry_time);
