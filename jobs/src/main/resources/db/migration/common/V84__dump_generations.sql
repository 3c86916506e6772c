-- A folder name is not a dump's identity (issue 15): a station may drop a folder of the same name again after the
-- first one was finished and moved to .done/ — with the same manifest or the same names and sizes, but not
-- necessarily the same bytes. Each drop of a folder is its own dump, numbered per folder; one number is taken once,
-- so two processes can never register the same drop twice. One script for H2 and PostgreSQL.
ALTER TABLE dumps DROP CONSTRAINT dumps_once;
ALTER TABLE dumps ADD COLUMN drop_generation INT DEFAULT 1 NOT NULL;
UPDATE dumps SET drop_generation = (SELECT COUNT(*) FROM dumps e WHERE e.folder = dumps.folder AND e.id <= dumps.id);
ALTER TABLE dumps ADD CONSTRAINT dumps_drop_once UNIQUE (folder, drop_generation);
CREATE INDEX dumps_status ON dumps (status, id);
