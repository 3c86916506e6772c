-- One row that every ledger appender locks first: appends are serialised across threads and processes
-- (locking the newest ledger row instead lets a waiting appender read a stale head and collide on seq).
CREATE TABLE ledger_lock (
    id                    INTEGER       PRIMARY KEY
);
INSERT INTO ledger_lock (id) VALUES (1);
